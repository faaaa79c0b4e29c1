package com.cloudpbx.freeswitch.media;

import com.cloudpbx.freeswitch.esl.EslWire;
import com.cloudpbx.freeswitch.esl.FakeFreeSwitch;
import com.cloudpbx.freeswitch.media.FreeSwitchEvents.Leg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fake FreeSWITCH that plays calls: it answers the commands the adapter sends the way a 1.10
 * switch does and reports what they cause as the events such a switch sends. Phones ring until the
 * test lets them answer.
 *
 * <p>Covers originate (with {@code &bridge}, {@code &park}, {@code &eavesdrop} or
 * {@code &valet_park}), uuid_kill, uuid_hold, uuid_bridge, uuid_setvar (only
 * {@code park_after_bridge} matters), uuid_transfer into a valet lot or a conference room,
 * uuid_recv_dtmf, the conference commands (json_list, kick, mute, unmute, hold, unhold, lock,
 * unlock, with mod_conference's own replies) and {@code show channels as json}; anything else is a
 * plain {@code +OK} without events, unless the test tells the script to refuse it.
 *
 * <p>What the switch does that the script follows: a leg whose bridge ends because its partner hung
 * up or was taken elsewhere hangs up too, unless {@code park_after_bridge} is set on it; valet parking reports
 * {@code valet_parking::info} (hold, then bridge and exit when picked up) and parking into a taken
 * slot picks up the call there; our legs are outbound calls to the switch, so mod_conference lets
 * them into a locked room (it only keeps inbound callers out); uuid_recv_dtmf makes the leg report
 * the key as DTMF, as the application reading it dequeues it; uuid_bridge takes a conference member
 * out of its room, as it interrupts whatever application the leg was running.
 */
public final class ScriptedFreeSwitch implements AutoCloseable {

    private static final String NO_SUCH_CHANNEL = "-ERR No such channel!\n";
    private static final String NORMAL_CLEARING = "NORMAL_CLEARING";

    private final FakeFreeSwitch fake;
    private FreeSwitchEvents fs;
    // Events are written from here: the fake's own thread may not block on a write.
    private final ExecutorService emitter = Executors.newSingleThreadExecutor();
    private final Map<UUID, Leg> legs = new HashMap<>();
    private final Set<UUID> answered = new HashSet<>();
    private final Map<UUID, UUID> bridges = new HashMap<>();
    private final Set<UUID> parkAfterBridge = new HashSet<>();
    /** What a ringing leg runs once answered (the originate's application). */
    private final Map<UUID, Runnable> onAnswer = new HashMap<>();
    /** Callee leg to the caller it is bridged to once answered. */
    private final Map<UUID, UUID> bridgeOnAnswer = new HashMap<>();
    /** Supervisor leg to the leg it listens to. */
    private final Map<UUID, UUID> eavesdrops = new HashMap<>();
    /** "lot slot" to the leg parked there. */
    private final Map<String, UUID> parked = new HashMap<>();
    private final ScriptedRooms rooms = new ScriptedRooms();
    private final Map<String, String> refusals = new HashMap<>();
    /** Gateways the configuration (sofia.conf) lists, and those the external profile has loaded. */
    private final Set<String> offeredGateways = new HashSet<>();
    private final Set<String> loadedGateways = new HashSet<>();
    /** mod_callcenter's members per queue, as its member list prints them (after the queue column). */
    private final Map<String, List<String>> queueMembers = new HashMap<>();
    /** mod_callcenter's agents (from its configuration) and their status. */
    private final Map<String, String> agentStatuses = new HashMap<>();

    public ScriptedFreeSwitch(UUID tenant, String sipDomain, String password) {
        this.fake = new FakeFreeSwitch(password);
        this.fs = new FreeSwitchEvents(tenant, sipDomain);
    }

    /** From now on, the legs this switch creates belong to this tenant (as our commands' variables say). */
    public synchronized void useTenant(UUID tenant, String sipDomain) {
        fs = new FreeSwitchEvents(tenant, sipDomain);
    }

    public int start() {
        int port = fake.start();
        fake.answerBgapi(command -> Optional.of(run(command)));
        return port;
    }

    /** Crashes: every connection closes without a word and new ones are reset; the calls stay as they are. */
    void stop() {
        fake.stop();
    }

    /**
     * Restarts: every connection ends, and the clients reconnect to a switch whose calls were
     * changed meanwhile by {@link #forgetSilently} and {@link #addSilently}. The port stays bound
     * throughout (see {@link FakeFreeSwitch}).
     */
    void restart() {
        fake.dropClients();
    }

    /** Every api command received as bgapi, in order. */
    public List<String> apiCommands() {
        return fake.commands().stream().filter(c -> c.startsWith("bgapi "))
                .map(c -> c.split("\n", 2)[0].substring("bgapi ".length())).toList();
    }

    /** Commands starting with {@code verb} answer {@code reply} (e.g. {@code -ERR ...}) from now on. */
    synchronized void refuse(String verb, String reply) {
        refusals.put(verb, reply);
    }

    /** The configuration the switch fetches on a profile rescan lists this gateway from now on. */
    synchronized void offerGateway(String name) {
        offeredGateways.add(name);
    }

    /** The phone behind a ringing leg picks up, and the leg runs what it was originated to run. */
    public synchronized void answer(UUID uuid) {
        Leg leg = legs.get(uuid);
        if (leg == null || !answered.add(uuid)) {
            return;
        }
        emit(fs.answer(leg, now()));
        Runnable application = onAnswer.remove(uuid);
        if (application != null) {
            application.run();
        }
        UUID caller = bridgeOnAnswer.remove(uuid);
        if (caller != null) {
            bridge(caller, uuid);
        }
    }

    /**
     * The phone behind a ringing leg turns the call down (busy, say): the leg hangs up with that
     * cause without having answered, as a failed originate does.
     */
    synchronized void decline(UUID uuid, String cause) {
        if (legs.containsKey(uuid) && !answered.contains(uuid)) {
            end(uuid, cause);
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

    /** A caller waits in a mod_callcenter queue since {@code joinedEpoch}, in state "Waiting". */
    synchronized void seatInQueue(String queue, String cidNumber, String cidName, long joinedEpoch) {
        seatInQueue(queue, cidNumber, cidName, joinedEpoch, "Waiting");
    }

    /** A member of a mod_callcenter queue in any state (Trying, Answered, Abandoned...). */
    synchronized void seatInQueue(String queue, String cidNumber, String cidName, long joinedEpoch, String state) {
        queueMembers.computeIfAbsent(queue, q -> new ArrayList<>()).add(String.join("|", queue,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), cidNumber, cidName,
                String.valueOf(joinedEpoch), String.valueOf(joinedEpoch), "0", "0", "0", "0", "0", "", "", state));
    }

    /** An agent mod_callcenter knows from its configuration, logged out. */
    synchronized void configureAgent(String agent) {
        agentStatuses.put(agent, "Logged Out");
    }

    synchronized Optional<String> agentStatus(String agent) {
        return Optional.ofNullable(agentStatuses.get(agent));
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
                    arguments.size() > 2 ? arguments.get(2) : NORMAL_CLEARING);
            case "uuid_hold" -> hold(arguments);
            case "uuid_bridge" -> uuidBridge(UUID.fromString(arguments.get(1)), UUID.fromString(arguments.get(2)));
            case "uuid_setvar" -> setVariable(UUID.fromString(arguments.get(1)), arguments.get(2), arguments.get(3));
            case "uuid_transfer" -> transfer(UUID.fromString(arguments.get(1)), arguments.get(2));
            case "uuid_recv_dtmf" -> receiveDtmf(UUID.fromString(arguments.get(1)), arguments.get(2));
            case "conference" -> conference(arguments);
            case "show" -> channelList();
            case "sofia" -> sofia(arguments);
            case "callcenter_config" -> callcenter(arguments);
            default -> "+OK\n";
        };
    }

    /**
     * The external profile's gateways as mod_sofia keeps them: xmlstatus of one, killgw, and a
     * rescan that loads every offered gateway not loaded yet (and never reloads a loaded one).
     */
    private String sofia(List<String> arguments) {
        if (arguments.size() == 4 && arguments.get(1).equals("xmlstatus") && arguments.get(2).equals("gateway")) {
            String name = arguments.get(3);
            return loadedGateways.contains(name) ? gatewayXml(name) : "Invalid Gateway!\n";
        }
        if (arguments.size() == 5 && arguments.get(3).equals("killgw")) {
            return loadedGateways.remove(arguments.get(4)) ? "+OK gateway marked for deletion.\n"
                    : "-ERR no such gateway.\n";
        }
        if (arguments.size() == 4 && arguments.get(3).equals("rescan")) {
            loadedGateways.addAll(offeredGateways);
            return "+OK scan complete\n";
        }
        return "-ERR Usage: sofia profile <name> [rescan|killgw <gateway>] | xmlstatus gateway <name>\n";
    }

    private static String gatewayXml(String name) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<gateway>\n  <name>" + name + "</name>\n"
                + "  <profile>external</profile>\n  <scheme>Digest</scheme>\n  <realm>sip.carrier.example</realm>\n"
                + "  <username>user</username>\n  <password>yes</password>\n  <ping>0</ping>\n"
                + "  <pingfreq>0</pingfreq>\n  <pingtime>0.00</pingtime>\n  <state>REGED</state>\n"
                + "  <status>UP</status>\n  <uptime-usec>1200000</uptime-usec>\n</gateway>\n";
    }

    /** {@code queue list members <queue>} and {@code agent set status <agent> <status>}, with mod_callcenter's replies. */
    private String callcenter(List<String> arguments) {
        String what = String.join(" ", arguments.subList(1, Math.min(4, arguments.size())));
        if (what.equals("queue list members") && arguments.size() == 5) {
            StringBuilder reply = new StringBuilder("queue|uuid|session_uuid|cid_number|cid_name|system_epoch|"
                    + "joined_epoch|rejoined_epoch|bridge_epoch|abandoned_epoch|base_score|skill_score|serving_agent|"
                    + "serving_system|state\n");
            queueMembers.getOrDefault(arguments.get(4), List.of()).forEach(line -> reply.append(line).append('\n'));
            return reply.append("+OK\n").toString();
        }
        if (what.equals("agent set status") && arguments.size() == 6) {
            if (!agentStatuses.containsKey(arguments.get(4))) {
                return "-ERR Invalid Agent!\n";
            }
            agentStatuses.put(arguments.get(4), arguments.get(5));
            return "+OK\n";
        }
        return "-ERR Unknown Command!\n";
    }

    private String originate(List<String> arguments) {
        Map<String, String> variables = variables(arguments.get(1));
        Leg caller = leg(variables, UUID.fromString(variables.get("origination_uuid")),
                variables.get("origination_caller_id_number"), variables.get("origination_caller_id_name"));
        ring(caller);
        String application = arguments.get(2);
        if (application.startsWith("&bridge(")) {
            Leg callee = leg(variables(application.substring("&bridge(".length())), UUID.randomUUID(),
                    caller.cidNumber(), caller.cidName());
            onAnswer.put(caller.uuid(), () -> {
                ring(callee);
                bridgeOnAnswer.put(callee.uuid(), caller.uuid());
            });
        } else if (application.startsWith("&valet_park(")) {
            String lotAndSlot = application.substring("&valet_park(".length(), application.length() - 1);
            onAnswer.put(caller.uuid(), () -> valetPark(caller.uuid(), lotAndSlot));
        } else if (application.startsWith("&eavesdrop(")) {
            UUID target = UUID.fromString(application.substring("&eavesdrop(".length(), application.length() - 1));
            onAnswer.put(caller.uuid(), () -> eavesdrop(caller.uuid(), target));
        }
        return "+OK " + caller.uuid() + "\n";
    }

    private String kill(UUID uuid, String cause) {
        if (!legs.containsKey(uuid)) {
            return NO_SUCH_CHANNEL;
        }
        end(uuid, cause);
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

    /**
     * uuid_bridge interrupts whatever both legs were running (FreeSWITCH sets CF_TRANSFER on them and
     * changes their state): a leg bridged elsewhere leaves that bridge, and a conference member
     * leaves its room, before the two are bridged.
     */
    private String uuidBridge(UUID a, UUID b) {
        if (!legs.containsKey(a) || !legs.containsKey(b)) {
            return "-ERR Invalid uuid\n";
        }
        for (UUID leg : List.of(a, b)) {
            UUID partner = bridges.get(leg);
            if (partner != null && !partner.equals(a) && !partner.equals(b)) {
                leaveBridge(leg);
            }
            leaveRoom(leg);
        }
        bridge(a, b);
        return "+OK\n";
    }

    private String setVariable(UUID uuid, String name, String value) {
        if (!legs.containsKey(uuid)) {
            return NO_SUCH_CHANNEL;
        }
        if ("park_after_bridge".equals(name)) {
            if (Boolean.parseBoolean(value)) {
                parkAfterBridge.add(uuid);
            } else {
                parkAfterBridge.remove(uuid);
            }
        }
        return "+OK\n";
    }

    /** Into a valet lot or a conference room (inline); a dialplan transfer only answers +OK. */
    private String transfer(UUID uuid, String destination) {
        if (!legs.containsKey(uuid)) {
            return NO_SUCH_CHANNEL;
        }
        if (destination.startsWith("valet_park:")) {
            leaveBridge(uuid);
            valetPark(uuid, destination.substring("valet_park:".length()));
        } else if (destination.startsWith("conference:")) {
            leaveBridge(uuid);
            String room = destination.substring("conference:".length(), destination.indexOf('@'));
            leaveRoom(uuid);
            emit(fs.conference("add-member", legs.get(uuid), room, rooms.join(uuid, room), now()));
        }
        return "+OK\n";
    }

    private String receiveDtmf(UUID uuid, String keys) {
        Leg leg = legs.get(uuid);
        if (leg == null) {
            return "-ERR no such session\n";
        }
        keys.chars().forEach(key -> emit(fs.dtmf(leg, Character.toString(key), now())));
        return "+OK\n";
    }

    /** mod_conference answers in plain words, never -ERR, for a room or member it does not have. */
    private String conference(List<String> arguments) {
        if ("json_list".equals(arguments.get(1))) {
            return rooms.jsonList(Optional.empty(), legs::get);
        }
        String room = arguments.get(1);
        if (!rooms.exists(room)) {
            return "Conference " + room + " not found\n";
        }
        String action = arguments.get(2);
        return switch (action) {
            case "json_list" -> rooms.jsonList(Optional.of(room), legs::get);
            case "lock", "unlock" -> {
                rooms.lock(room, "lock".equals(action));
                emit(fs.room(action, room, now()));
                yield "OK " + room + " " + action + "ed\n";
            }
            case "kick", "mute", "unmute", "hold", "unhold" -> member(room, action, arguments.get(3));
            default -> "Conference command '" + action + "' not found.\n";
        };
    }

    private String member(String room, String action, String memberId) {
        Optional<UUID> member = rooms.member(room, memberId);
        if (member.isEmpty()) {
            return "Non-Existant ID " + memberId + "\n";
        }
        Leg leg = legs.get(member.get());
        if ("kick".equals(action)) {
            emit(fs.conference("kick-member", leg, room, memberId, now()));
            end(leg.uuid(), NORMAL_CLEARING);
            return "OK kicked " + memberId + "\n";
        }
        if (action.endsWith("mute")) {
            rooms.mute(room, memberId, "mute".equals(action));
        }
        emit(fs.conference(action + "-member", leg, room, memberId, now()));
        return "OK " + action + " " + memberId + "\n";
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

    /**
     * valet_park on {@code lotAndSlot} ("lot slot"): with a call waiting there, the leg is bridged to
     * it (the waiting leg reports bridge, then exit); otherwise the leg waits there itself.
     */
    private void valetPark(UUID uuid, String lotAndSlot) {
        String[] words = lotAndSlot.split(" ");
        UUID waiting = parked.remove(lotAndSlot);
        if (waiting == null) {
            parked.put(lotAndSlot, uuid);
            emit(fs.valet("hold", legs.get(uuid), words[0], words[1], now()));
            return;
        }
        Map<String, String> pickup = fs.valet("bridge", legs.get(waiting), words[0], words[1], now());
        pickup.put("Bridge-To-UUID", uuid.toString());
        emit(pickup);
        bridge(uuid, waiting);
        emit(fs.valet("exit", legs.get(waiting), words[0], words[1], now()));
    }

    /** The eavesdrop application on an answered supervisor leg; with nothing to listen to it ends. */
    private void eavesdrop(UUID spy, UUID target) {
        if (legs.containsKey(target)) {
            eavesdrops.put(spy, target);
        } else {
            end(spy, NORMAL_CLEARING);
        }
    }

    private void ring(Leg leg) {
        legs.put(leg.uuid(), leg);
        emit(fs.create(leg, now()));
        emit(fs.progress(leg, now()));
    }

    /** Fired on the bridge's A side, which FreeSWITCH takes from the originator: {@code a}. */
    private void bridge(UUID a, UUID b) {
        bridges.put(a, b);
        bridges.put(b, a);
        emit(fs.bridge("CHANNEL_BRIDGE", legs.get(a), legs.get(b), now()));
    }

    /**
     * The leg is taken out of its bridge to go elsewhere; its partner, left alone, hangs up unless it
     * was told to outlive the bridge.
     */
    private void leaveBridge(UUID uuid) {
        UUID partner = bridges.remove(uuid);
        if (partner == null) {
            return;
        }
        bridges.remove(partner);
        emit(fs.bridge("CHANNEL_UNBRIDGE", legs.get(uuid), legs.get(partner), now()));
        if (!parkAfterBridge.contains(partner)) {
            end(partner, NORMAL_CLEARING);
        }
    }

    private void leaveRoom(UUID uuid) {
        rooms.leave(uuid).ifPresent(membership ->
                emit(fs.conference("del-member", legs.get(uuid), membership.room(), membership.memberId(), now())));
    }

    /**
     * The leg hangs up: it leaves its bridge (the partner hangs up too, unless it outlives the
     * bridge), its room and its slot; a callee it was ringing is cancelled and supervisors listening
     * to it hang up.
     */
    private void end(UUID uuid, String cause) {
        Leg leg = legs.get(uuid);
        if (leg == null) {
            return;
        }
        UUID partner = bridges.remove(uuid);
        if (partner != null) {
            bridges.remove(partner);
            emit(fs.bridge("CHANNEL_UNBRIDGE", leg, legs.get(partner), now()));
        }
        leaveRoom(uuid);
        parked.values().remove(uuid);
        legs.remove(uuid);
        answered.remove(uuid);
        onAnswer.remove(uuid);
        eavesdrops.remove(uuid);
        emit(fs.hangupComplete(leg, cause, 3, 2, now()));
        if (partner != null && !parkAfterBridge.contains(partner)) {
            end(partner, NORMAL_CLEARING);
        }
        bridgeOnAnswer.entrySet().stream().filter(pending -> pending.getValue().equals(uuid)).map(Map.Entry::getKey)
                .toList().forEach(callee -> {
                    bridgeOnAnswer.remove(callee);
                    end(callee, "ORIGINATOR_CANCEL");
                });
        eavesdrops.entrySet().stream().filter(spy -> spy.getValue().equals(uuid)).map(Map.Entry::getKey)
                .toList().forEach(spy -> end(spy, NORMAL_CLEARING));
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
