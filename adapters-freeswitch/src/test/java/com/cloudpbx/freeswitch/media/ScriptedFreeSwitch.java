package com.cloudpbx.freeswitch.media;

import com.cloudpbx.freeswitch.esl.EslWire;
import com.cloudpbx.freeswitch.esl.FakeFreeSwitch;
import com.cloudpbx.freeswitch.media.FreeSwitchEvents.Leg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fake FreeSWITCH that plays calls: it answers the commands the adapter sends the way a switch
 * does and reports what they cause as the events a 1.10 switch sends. Phones ring until the test
 * lets them answer. Covers originate (with {@code &bridge}, {@code &park} or {@code &eavesdrop}),
 * uuid_kill, uuid_hold, uuid_bridge and {@code show channels as json}; anything else is a plain
 * {@code +OK} without events, unless the test tells the script to refuse it.
 */
final class ScriptedFreeSwitch implements AutoCloseable {

    private static final String NO_SUCH_CHANNEL = "-ERR No such channel!\n";

    private final FakeFreeSwitch fake;
    private final FreeSwitchEvents fs;
    // Events are written from here: the fake's own thread may not block on a write.
    private final ExecutorService emitter = Executors.newSingleThreadExecutor();
    private final Map<UUID, Leg> legs = new ConcurrentHashMap<>();
    private final Set<UUID> answered = ConcurrentHashMap.newKeySet();
    private final Map<UUID, UUID> bridges = new ConcurrentHashMap<>();
    /** Caller leg to the callee it dials once answered ({@code &bridge}). */
    private final Map<UUID, Leg> dialOnAnswer = new ConcurrentHashMap<>();
    /** Callee leg to the caller it is bridged to once answered. */
    private final Map<UUID, UUID> bridgeOnAnswer = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    ScriptedFreeSwitch(UUID tenant, String sipDomain, String password) {
        this.fake = new FakeFreeSwitch(password);
        this.fs = new FreeSwitchEvents(tenant, sipDomain);
    }

    int start() {
        int port = fake.start();
        fake.answerBgapi(command -> Optional.of(run(command)));
        return port;
    }

    /** Crashes: the listener and every connection close without a word; the calls stay as they are. */
    void stop() {
        fake.stop();
    }

    /**
     * Restarts without ever closing the listener: every connection ends, and the clients reconnect
     * to a switch whose calls were changed meanwhile by {@link #forgetSilently} and {@link #addSilently}.
     * (Closing the listener would let a reconnecting client on 127.0.0.1 be handed the freed port as its
     * own source port, connect to itself and keep the port from being bound again.)
     */
    void restart() {
        fake.dropClients();
    }

    /** Every api command received as bgapi, in order. */
    List<String> apiCommands() {
        return fake.commands().stream().filter(c -> c.startsWith("bgapi "))
                .map(c -> c.split("\n", 2)[0].substring("bgapi ".length())).toList();
    }

    /** Commands starting with {@code verb} answer {@code reply} (e.g. {@code -ERR ...}) from now on. */
    void refuse(String verb, String reply) {
        refusals.put(verb, reply);
    }

    /** The phone behind a ringing leg picks up. */
    synchronized void answer(UUID uuid) {
        Leg leg = legs.get(uuid);
        if (leg == null || !answered.add(uuid)) {
            return;
        }
        emit(fs.answer(leg, now()));
        Leg callee = dialOnAnswer.remove(uuid);
        if (callee != null) {
            ring(callee);
            bridgeOnAnswer.put(callee.uuid(), uuid);
        }
        UUID caller = bridgeOnAnswer.remove(uuid);
        if (caller != null) {
            bridge(legs.get(caller), leg);
        }
    }

    /** A leg the switch lost while nobody was listening (e.g. its phone hung up during an outage). */
    synchronized void forgetSilently(UUID uuid) {
        legs.remove(uuid);
        answered.remove(uuid);
        UUID partner = bridges.remove(uuid);
        if (partner != null) {
            bridges.remove(partner);
        }
    }

    /** A leg that came into being while nobody was listening, e.g. an inbound call during an outage. */
    synchronized void addSilently(Leg leg, boolean isAnswered) {
        legs.put(leg.uuid(), leg);
        if (isAnswered) {
            answered.add(leg.uuid());
        }
    }

    @Override
    public void close() {
        emitter.shutdown();
        try {
            emitter.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fake.close();
    }

    private synchronized String run(String command) {
        List<String> arguments = CommandLine.split(command).arguments();
        String verb = arguments.get(0);
        String refusal = refusals.get(verb);
        if (refusal != null) {
            return refusal;
        }
        return switch (verb) {
            case "originate" -> originate(arguments);
            case "uuid_kill" -> kill(UUID.fromString(arguments.get(1)),
                    arguments.size() > 2 ? arguments.get(2) : "NORMAL_CLEARING");
            case "uuid_hold" -> hold(arguments);
            case "uuid_bridge" -> uuidBridge(UUID.fromString(arguments.get(1)), UUID.fromString(arguments.get(2)));
            case "show" -> channelList();
            default -> "+OK\n";
        };
    }

    private String originate(List<String> arguments) {
        Map<String, String> variables = variables(arguments.get(1));
        Leg caller = leg(variables, UUID.fromString(variables.get("origination_uuid")),
                variables.get("origination_caller_id_number"), variables.get("origination_caller_id_name"));
        ring(caller);
        String application = arguments.get(2);
        if (application.startsWith("&bridge(")) {
            Map<String, String> callee = variables(application.substring("&bridge(".length()));
            dialOnAnswer.put(caller.uuid(), leg(callee, UUID.randomUUID(), caller.cidNumber(), caller.cidName()));
        }
        return "+OK " + caller.uuid() + "\n";
    }

    private String kill(UUID uuid, String cause) {
        Leg leg = legs.remove(uuid);
        if (leg == null) {
            return NO_SUCH_CHANNEL;
        }
        UUID partner = bridges.remove(uuid);
        if (partner != null) {
            bridges.remove(partner);
            emit(fs.bridge("CHANNEL_UNBRIDGE", leg, legs.get(partner), now()));
        }
        emit(fs.hangupComplete(leg, cause, 3, 2, now()));
        if (partner != null) {
            emit(fs.hangupComplete(legs.remove(partner), cause, 3, 2, now()));
        }
        return "+OK\n";
    }

    /** Like FreeSWITCH, +OK even for a uuid it does not have. */
    private String hold(List<String> arguments) {
        boolean off = "off".equals(arguments.get(1));
        Leg leg = legs.get(UUID.fromString(arguments.get(off ? 2 : 1)));
        if (leg != null) {
            emit(fs.event(off ? "CHANNEL_UNHOLD" : "CHANNEL_HOLD", leg, now()));
        }
        return "+OK\n";
    }

    private String uuidBridge(UUID a, UUID b) {
        if (!legs.containsKey(a) || !legs.containsKey(b)) {
            return "-ERR Invalid uuid\n";
        }
        for (UUID leg : List.of(a, b)) {
            UUID partner = bridges.get(leg);
            if (partner != null && !partner.equals(a) && !partner.equals(b)) {
                bridges.remove(leg);
                bridges.remove(partner);
                emit(fs.bridge("CHANNEL_UNBRIDGE", legs.get(leg), legs.get(partner), now()));
            }
        }
        bridge(legs.get(a), legs.get(b));
        return "+OK\n";
    }

    private String channelList() {
        if (legs.isEmpty()) {
            return "{\"row_count\":0}\n";
        }
        List<String> rows = new ArrayList<>();
        for (Leg leg : legs.values()) {
            rows.add("{\"uuid\":\"" + leg.uuid() + "\",\"direction\":\"" + leg.callDirection()
                    + "\",\"created_epoch\":\"" + Instant.now().getEpochSecond()
                    + "\",\"presence_data\":\"voip:" + fs.tenant() + ":" + leg.callUuid() + ":" + leg.direction() + ":"
                    + (leg.extension() == null ? "" : leg.extension())
                    + "\",\"cid_num\":\"" + leg.cidNumber() + "\",\"cid_name\":\"" + leg.cidName()
                    + "\",\"dest\":\"" + leg.destination()
                    + "\",\"callstate\":\"" + (answered.contains(leg.uuid()) ? "ACTIVE" : "RINGING") + "\"}");
        }
        return "{\"row_count\":" + rows.size() + ",\"rows\":[" + String.join(",", rows) + "]}\n";
    }

    private void ring(Leg leg) {
        legs.put(leg.uuid(), leg);
        emit(fs.create(leg, now()));
        emit(fs.progress(leg, now()));
    }

    private void bridge(Leg a, Leg b) {
        bridges.put(a.uuid(), b.uuid());
        bridges.put(b.uuid(), a.uuid());
        emit(fs.bridge("CHANNEL_BRIDGE", a, b, now()));
    }

    private static Leg leg(Map<String, String> variables, UUID uuid, String cidNumber, String cidName) {
        return new Leg(uuid, UUID.fromString(variables.get("voip_call_uuid")), variables.get("voip_direction"),
                variables.get("voip_extension"), variables.get("voip_destination"),
                cidNumber == null ? "" : cidNumber, cidName == null ? "" : cidName, "outbound");
    }

    private static Map<String, String> variables(String argument) {
        Map<String, String> variables = new HashMap<>();
        for (String assignment : CommandLine.variables(argument)) {
            String[] pair = assignment.split("=", 2);
            variables.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        return variables;
    }

    private void emit(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.values().removeIf(value -> value == null);
        byte[] frame = EslWire.plainEventFrame(copy, null);
        emitter.execute(() -> fake.send(frame));
    }

    /** Event time as FreeSwitchEvents counts it: microseconds after its start. */
    private static long now() {
        return FreeSwitchEvents.micros(Instant.now()) - FreeSwitchEvents.micros(FreeSwitchEvents.START);
    }
}
