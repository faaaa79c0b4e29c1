package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.ConferenceSnapshot;
import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelTransferred;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberJoined;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.IntercomCall;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.freeswitch.esl.EslClient;
import com.cloudpbx.freeswitch.esl.EslConnection;
import com.cloudpbx.freeswitch.esl.EslException;
import com.cloudpbx.freeswitch.esl.EslListener;
import com.cloudpbx.freeswitch.esl.EslUnavailable;
import com.cloudpbx.freeswitch.esl.codec.EslEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media server ports ({@code LegControl}, {@code ConferenceControl}) over the Event Socket of one
 * or more FreeSWITCH hosts, one client each.
 * New calls go to the connected hosts in turn; every later command for a leg goes to the host the
 * leg lives on, as its events tell. Commands block until the switch has run them, so callers are
 * expected on virtual (or otherwise blocking-tolerant) threads.
 *
 * <p>Events of each host are translated and handed to the listeners on that host's own event
 * thread. After every (re)connect the host's channel list is read and differences to what we
 * believed are reported as events, since whatever happened while disconnected was never sent.
 *
 * <p>Selected by {@code VOIP_FREESWITCH_HOSTS}; connects only once {@link #start()} is called, after
 * the call listeners are attached, so that no event is missed.
 */
@Singleton
@Requires(property = FreeSwitchSettings.HOSTS)
@Bean(preDestroy = "close")
public final class EslMediaServer implements LegControl, ConferenceControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EslMediaServer.class);
    /** Events kept per switch while another node applies them: about a minute of 2,000 calls a second. */
    private static final int KEPT_EVENTS = 200_000;

    private final MediaServerSettings settings;
    private final Clock clock;
    private final EslCommands commands;
    private final EslEventTranslator translator = new EslEventTranslator();
    private final ShowChannelsParser channelList;
    private final ConferenceListParser conferenceList;
    private final ChannelRegistry registry = new ChannelRegistry();
    private final PendingConsults consults;
    private final SupervisorLegs supervisors = new SupervisorLegs();
    private final Map<String, EslClient> clients;
    private final Map<String, String> roomHosts = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<Void>> awaitingCreation = new ConcurrentHashMap<>();
    private final List<Consumer<MediaEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextHost = new AtomicInteger();
    private final AtomicLong resyncs = new AtomicLong();
    /** Per host, when its connection was lost, until a resynchronisation has settled its calls. */
    private final Map<String, Instant> lostAt = new ConcurrentHashMap<>();
    private final EventLease lease;
    private final List<Consumer<String>> takeovers = new CopyOnWriteArrayList<>();
    /** Hosts whose channel list was read since they last connected: this node's view of them is current. */
    private final Set<String> current = ConcurrentHashMap.newKeySet();
    private final Map<String, EventGate> gates;
    private final ScheduledExecutorService leaseKeeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("esl-event-leases").factory());

    /** Creates one client per host, and a JSON mapper of its own; nothing connects before {@link #start()}. */
    public EslMediaServer(FreeSwitchHosts hosts, MediaServerSettings settings, Clock clock) {
        this(hosts, settings, clock, new ObjectMapper());
    }

    /**
     * Creates one client per host; nothing connects before {@link #start()}.
     *
     * @param json reads the switch's JSON replies (channel and conference lists); thread-safe, and so shared
     */
    public EslMediaServer(FreeSwitchHosts hosts, MediaServerSettings settings, Clock clock, ObjectMapper json) {
        this(hosts, settings, clock, json, EventLease.soleNode());
    }

    /**
     * Creates one client per host; nothing connects before {@link #start()}. With several API nodes,
     * every node connects to every host and keeps its own view of the legs for the commands it sends,
     * but only the node holding a host's lease hands that host's events to the listeners.
     */
    @Inject
    public EslMediaServer(FreeSwitchHosts hosts, MediaServerSettings settings, Clock clock, EventLease lease) {
        this(hosts, settings, clock, new ObjectMapper(), lease);
    }

    private EslMediaServer(FreeSwitchHosts hosts, MediaServerSettings settings, Clock clock, ObjectMapper json,
                           EventLease lease) {
        this.lease = Objects.requireNonNull(lease, "lease");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.channelList = new ShowChannelsParser(Objects.requireNonNull(json, "json"));
        this.conferenceList = new ConferenceListParser(json);
        this.commands = new EslCommands(settings.commands());
        this.consults = new PendingConsults(commands);
        Map<String, EslClient> byAddress = new LinkedHashMap<>();
        SwitchEvents events = new SwitchEvents();
        for (EslConnection connection : hosts.connections()) {
            byAddress.put(connection.address(), new EslClient(connection, settings.socket(), events));
        }
        this.clients = Map.copyOf(byAddress);
        // Kept for twice a lease: what a holder that died may not have applied, and then some.
        Duration kept = lease.ttl().multipliedBy(2);
        this.gates = clients.keySet().stream().collect(Collectors.toUnmodifiableMap(host -> host,
                host -> new EventGate(this::toListeners, kept, KEPT_EVENTS)));
    }

    /** Starts connecting to every host; returns at once. */
    public void start() {
        clients.values().forEach(EslClient::start);
        long every = lease.renewEvery().toMillis();
        leaseKeeper.scheduleWithFixedDelay(this::keepLeases, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Told the host each time this node starts applying a host's events, once its view of the
     * host's legs is current: the moment to settle live state that a crash left behind.
     */
    public void whenApplyingEvents(Consumer<String> listener) {
        takeovers.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Whether this node applies the host's events now (it holds the host's lease). */
    public boolean appliesEventsOf(String host) {
        EventGate gate = gates.get(host);
        return gate != null && gate.isOpen();
    }

    /** Whether any host is connected right now. */
    public boolean isConnected() {
        return !connectedHosts().isEmpty();
    }

    /** The hosts (host:port) not connected right now, sorted. */
    public List<String> disconnectedHosts() {
        return clients.entrySet().stream().filter(entry -> !entry.getValue().isConnected())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** How many times a host's channel list was read and applied after a (re)connect. */
    public long resynchronisations() {
        return resyncs.get();
    }

    @Override
    public void close() {
        leaseKeeper.shutdownNow();
        clients.values().forEach(EslClient::close);
        // Handed over at once rather than after the lease lapses.
        gates.forEach((host, gate) -> {
            if (gate.isOpen()) {
                gate.close();
                lease.leases().release(host);
            }
        });
    }

    @Override
    public void listen(Consumer<MediaEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void originate(Originate command) {
        ApiCommand originate = build(() -> commands.originate(command));
        startLeg(anyConnectedHost(), command.uuid(), originate);
    }

    @Override
    public void intercom(IntercomCall command) {
        ApiCommand intercom = build(() -> commands.intercom(command));
        startLeg(anyConnectedHost(), command.uuid(), intercom);
    }

    @Override
    public void hangup(UUID uuid) {
        send(hostOf(uuid), build(() -> commands.hangup(uuid)));
    }

    /** FreeSWITCH reports no event of its own for a transfer, so the adapter reports it. */
    @Override
    public void transfer(UUID uuid, Destination destination) {
        String host = hostOf(uuid);
        send(host, build(() -> commands.transfer(uuid, destination)));
        deliver(host, new ChannelTransferred(uuid, destination.value(), clock.instant()), false);
    }

    /** Checked here: FreeSWITCH answers +OK to uuid_hold for a uuid it does not have. */
    @Override
    public void hold(UUID uuid, boolean hold) {
        live(uuid);
        send(hostOf(uuid), build(() -> commands.hold(uuid, hold)));
    }

    /**
     * Checked here: valet_park into a taken slot does not refuse, it picks up the call waiting
     * there. The park events of every host are known, so a slot taken on any of them counts.
     */
    @Override
    public void park(UUID uuid, String slot) {
        LiveChannel channel = live(uuid);
        if (registry.parkedIn(channel.tenant(), slot).filter(waiting -> !waiting.uuid().equals(uuid)).isPresent()) {
            throw DomainException.badRequest("PARK_SLOT_TAKEN", "Park slot " + slot + " is already taken");
        }
        send(hostOf(uuid), build(() -> commands.park(uuid, channel.tenant(), slot)));
    }

    /** Both legs are checked first: uuid_setvar on the first would otherwise go through before the second fails. */
    @Override
    public void bridge(UUID a, UUID b) {
        if (Objects.equals(a, b)) {
            throw DomainException.badRequest("INVALID_BRIDGE", "A call cannot be bridged to itself");
        }
        live(a);
        live(b);
        String host = hostOf(a);
        if (registry.hostOf(b).filter(other -> !other.equals(host)).isPresent()) {
            throw DomainException.badGateway("MEDIA_SERVER_REFUSED",
                    "The two calls are on different media servers and cannot be bridged");
        }
        build(() -> commands.bridge(a, b)).forEach(command -> send(host, command));
    }

    @Override
    public void consult(UUID consultUuid, UUID transferorLeg, Destination target) {
        LiveChannel transferor = live(transferorLeg);
        if (transferor.bridgedTo() == null) {
            throw DomainException.badRequest("NOT_BRIDGED", "Call " + transferorLeg + " has no party to transfer");
        }
        ConsultLeg leg = new ConsultLeg(consultUuid, transferorLeg, transferor.bridgedTo(), transferor.tenant(),
                target, transferor.extension() != null ? transferor.extension() : transferor.callerIdNumber(),
                settings.ringTimeout());
        ApiCommand consult = build(() -> commands.consult(leg));
        consults.ringing(leg);
        try {
            // On the transferor's host: only legs of one switch can be bridged together.
            startLeg(hostOf(transferorLeg), consultUuid, consult);
        } catch (RuntimeException e) {
            consults.forget(consultUuid);
            throw e;
        }
    }

    @Override
    public void eavesdrop(UUID spyUuid, UUID target, Destination supervisor, EavesdropMode mode) {
        LiveChannel channel = live(target);
        EavesdropLeg leg = new EavesdropLeg(spyUuid, target, channel.tenant(), supervisor, mode,
                settings.ringTimeout(), channel.callerIdNumber(), channel.callerIdName(), channel.destination());
        ApiCommand eavesdrop = build(() -> commands.eavesdrop(leg));
        supervisors.ringing(spyUuid);
        try {
            startLeg(hostOf(target), spyUuid, eavesdrop);
        } catch (RuntimeException e) {
            supervisors.forget(spyUuid);
            throw e;
        }
    }

    /** Only a supervisor leg has a mode; any other leg would just be sent the key as if pressed. */
    @Override
    public void eavesdropMode(UUID spyUuid, EavesdropMode mode) {
        if (!supervisors.contains(spyUuid)) {
            throw DomainException.badRequest("CALL_NOT_FOUND", "No eavesdropping call with uuid " + spyUuid);
        }
        send(hostOf(spyUuid), build(() -> commands.eavesdropMode(spyUuid, mode)));
    }

    /**
     * Checked here: mod_conference keeps only inbound callers out of a locked room, and lets in
     * the legs the switch originated, which most of ours are.
     */
    @Override
    public void joinConference(UUID uuid, String room) {
        LiveChannel channel = live(uuid);
        String host = hostOf(uuid);
        List<ApiCommand> join = build(() -> commands.joinConference(uuid, channel.bridgedTo(), room));
        boolean locked = conferenceList.parse(send(host, commands.conferenceList(room)), clock.instant()).stream()
                .anyMatch(ConferenceSnapshot::locked);
        if (locked) {
            throw DomainException.badRequest("CONFERENCE_LOCKED", "Conference " + room + " is locked");
        }
        join.forEach(command -> send(host, command));
    }

    @Override
    public void kick(String room, String memberId) {
        ConferenceReplies.checked(send(roomHost(room), build(() -> commands.kick(room, memberId))));
    }

    @Override
    public void mute(String room, String memberId, boolean mute) {
        ConferenceReplies.checked(send(roomHost(room), build(() -> commands.mute(room, memberId, mute))));
    }

    @Override
    public void lock(String room, boolean locked) {
        ConferenceReplies.checked(send(roomHost(room), build(() -> commands.lock(room, locked))));
    }

    @Override
    public void holdMember(String room, String memberId, boolean hold) {
        ConferenceReplies.checked(send(roomHost(room), build(() -> commands.holdMember(room, memberId, hold))));
    }

    /** Rooms of every connected host; a host out of reach contributes none. */
    @Override
    public List<ConferenceSnapshot> conferences() {
        List<ConferenceSnapshot> rooms = new ArrayList<>();
        for (String host : connectedHosts()) {
            rooms.addAll(conferenceList.parse(send(host, commands.conferenceList()), clock.instant()));
        }
        return List.copyOf(rooms);
    }

    /** Our legs as events and the last resynchronisation left them. */
    @Override
    public List<LiveChannel> channels() {
        return registry.all();
    }

    /**
     * Runs a query on one connected host (the first by address, so repeated queries ask the same
     * one) and returns its reply; {@code MEDIA_SERVER_UNAVAILABLE} when none is connected.
     */
    public String query(ApiCommand command) {
        List<String> connected = connectedHosts();
        if (connected.isEmpty()) {
            throw CommandFailures.unavailable("no media server is connected");
        }
        return send(connected.get(0), command);
    }

    /** Runs a command on every connected host, for configuration each of them must load. */
    public void runOnEveryHost(ApiCommand command) {
        List<String> connected = connectedHosts();
        if (connected.isEmpty()) {
            throw CommandFailures.unavailable("no media server is connected");
        }
        connected.forEach(host -> send(host, command));
    }

    /**
     * Runs one query on every connected host and returns their replies, in host order: for state
     * that may live on any host (a queue's waiting callers). No host connected is a 503.
     */
    public List<String> askEveryHost(ApiCommand command) {
        List<String> hosts = connectedHosts();
        if (hosts.isEmpty()) {
            throw CommandFailures.unavailable("no media server is connected");
        }
        List<String> replies = new ArrayList<>();
        for (String host : hosts) {
            replies.add(send(host, command));
        }
        return List.copyOf(replies);
    }

    /**
     * Sends a command that creates {@code uuid} and returns once the leg exists or the switch
     * refused it. The job of an originate ends only when the leg answers or gives up, much later
     * than an API call may wait; how it ends is reported by the leg's events.
     */
    private void startLeg(String host, UUID uuid, ApiCommand command) {
        CompletableFuture<Void> created = new CompletableFuture<>();
        awaitingCreation.put(uuid, created);
        registry.expect(uuid, host);
        try {
            CompletableFuture<String> job = bgapi(host, command, settings.ringTimeout().plus(settings.commandTimeout()));
            job.whenComplete((output, failure) -> {
                if (failure != null) {
                    created.completeExceptionally(failure);
                }
            });
            await(CompletableFuture.anyOf(created, job), command);
        } catch (RuntimeException e) {
            registry.forgetExpected(uuid);
            throw e;
        } finally {
            awaitingCreation.remove(uuid);
        }
    }

    private String send(String host, ApiCommand command) {
        return await(bgapi(host, command, settings.commandTimeout()), command);
    }

    private CompletableFuture<String> bgapi(String host, ApiCommand command, Duration timeout) {
        EslClient client = clients.get(host);
        if (client == null) {
            throw CommandFailures.unavailable("no media server " + host);
        }
        return client.bgapi(command.text(), timeout);
    }

    private <T> T await(CompletableFuture<T> outcome, ApiCommand command) {
        try {
            // The client times the job out itself; this only guards against a reply that never completes.
            return outcome.get(settings.commandTimeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EslException failure) {
                throw CommandFailures.of(command, failure);
            }
            throw new IllegalStateException("Command to the media server failed", e.getCause());
        } catch (TimeoutException e) {
            throw CommandFailures.unavailable("the media server did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailures.unavailable("interrupted while waiting for the media server");
        }
    }

    private static <T> T build(Supplier<T> command) {
        try {
            return command.get();
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("INVALID_MEDIA_COMMAND", e.getMessage());
        }
    }

    private LiveChannel live(UUID uuid) {
        return registry.channel(uuid).orElseThrow(
                () -> DomainException.badRequest("CALL_NOT_FOUND", "No live call with uuid " + uuid));
    }

    /** The leg's host; a leg we never heard of goes to any host, which will say it has no such channel. */
    private String hostOf(UUID uuid) {
        return registry.hostOf(uuid).orElseGet(this::anyConnectedHost);
    }

    private String roomHost(String room) {
        String host = roomHosts.get(room);
        return host != null ? host : anyConnectedHost();
    }

    private String anyConnectedHost() {
        List<String> connected = connectedHosts();
        if (connected.isEmpty()) {
            throw CommandFailures.unavailable("no media server is connected");
        }
        return connected.get(Math.floorMod(nextHost.getAndIncrement(), connected.size()));
    }

    private List<String> connectedHosts() {
        return clients.entrySet().stream().filter(entry -> entry.getValue().isConnected())
                .map(Map.Entry::getKey).sorted().toList();
    }

    private void deliver(String host, MediaEvent event) {
        deliver(host, event, true);
    }

    /**
     * @param fromSwitch whether the switch reported it (passed on only by the node holding the
     *                   host's lease) rather than this node's own command (passed on here, the
     *                   only node that knows of it)
     */
    private void deliver(String host, MediaEvent event, boolean fromSwitch) {
        if (!supervisors.reports(event)) {
            return;
        }
        registry.apply(host, event);
        if (event instanceof ChannelCreated) {
            CompletableFuture<Void> waiting = awaitingCreation.remove(event.uuid());
            if (waiting != null) {
                waiting.complete(null);
            }
        }
        if (event instanceof ConferenceMemberJoined joined) {
            roomHosts.put(joined.conference(), host);
        }
        List<ApiCommand> followUps = consults.after(event);
        if (!followUps.isEmpty()) {
            // Not on the event thread: the commands' outcomes may depend on events behind this one.
            Thread.ofVirtual().name("esl-follow-up").start(() -> runAll(host, followUps));
        }
        if (fromSwitch) {
            gates.get(host).offer(event);
        } else {
            toListeners(event);
        }
    }

    private void toListeners(MediaEvent event) {
        for (Consumer<MediaEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("Media event listener failed on {}", event, e);
            }
        }
    }

    private void tookOver(String host) {
        for (Consumer<String> listener : takeovers) {
            try {
                listener.accept(host);
            } catch (RuntimeException e) {
                LOG.error("Settling live state after taking over {} failed", host, e);
            }
        }
    }

    private void keepLeases() {
        for (String host : clients.keySet()) {
            try {
                keepLease(host);
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the event lease of {}: {}", host, e.toString());
            }
        }
    }

    /**
     * Holds the host's lease while connected to it, so that a node that lost the switch leaves its
     * events to one that has it; opens or closes the host's gate as the lease says.
     */
    private void keepLease(String host) {
        EventGate gate = gates.get(host);
        if (!clients.get(host).isConnected()) {
            if (gate.isOpen()) {
                gate.close();
                lease.leases().release(host);
            }
            return;
        }
        switch (lease.leases().hold(host, lease.ttl())) {
            case HELD -> {
                if (!gate.isOpen()) {
                    LOG.info("This node now applies the events of media server {}", host);
                    gate.open();
                    if (current.contains(host)) {
                        tookOver(host);
                    }
                }
            }
            case HELD_ELSEWHERE -> {
                if (gate.isOpen()) {
                    LOG.warn("Another node took over the events of media server {}", host);
                    gate.close();
                }
            }
            case UNKNOWN -> {
                // The leases cannot be asked: whoever applied the events keeps doing so.
            }
        }
    }

    private void runAll(String host, List<ApiCommand> followUps) {
        try {
            followUps.forEach(command -> send(host, command));
        } catch (DomainException e) {
            LOG.warn("Attended transfer step on {} failed: {}", host, e.getMessage());
        }
    }

    private void resync(String host) {
        List<LiveChannel> listed;
        try {
            listed = channelList.parse(send(host, commands.showChannels()));
        } catch (DomainException | IllegalArgumentException e) {
            LOG.warn("Could not read the channel list of {} after connecting; live state may be stale: {}",
                    host, e.getMessage());
            return;
        }
        Instant now = clock.instant();
        Instant lost = lostAt.getOrDefault(host, now);
        registry.differences(host, listed, lost, now).forEach(event -> deliver(host, event));
        lostAt.remove(host, lost);
        resyncs.incrementAndGet();
    }

    /** What every host's client reports, each on its own event thread. */
    private final class SwitchEvents implements EslListener {

        @Override
        public void onEvent(EslConnection from, EslEvent event) {
            for (MediaEvent translated : translator.translate(event.headers())) {
                deliver(from.address(), translated);
            }
        }

        /**
         * Blocks this host's event thread until the channel list is in, so that every event that
         * follows is applied on top of it rather than overtaken by it.
         */
        @Override
        public void onConnected(EslConnection to) {
            keepLease(to.address());
            resync(to.address());
            current.add(to.address());
            if (gates.get(to.address()).isOpen()) {
                tookOver(to.address());
            }
        }

        @Override
        public void onDisconnected(EslConnection from, EslUnavailable cause) {
            // The first loss counts: a failed reconnect in between tells nothing about the calls.
            lostAt.putIfAbsent(from.address(), clock.instant());
            current.remove(from.address());
            LOG.warn("Lost media server {}; its calls resynchronise when it is back", from.address());
        }
    }
}
