package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.ConferenceSnapshot;
import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.IntercomCall;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.calls.port.CallSimulator;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.routing.CallCenterNames;
import com.cloudpbx.core.routing.MenuFollowUps;
import com.cloudpbx.core.routing.RouteDecision;
import com.cloudpbx.core.routing.RouteStep;
import com.cloudpbx.core.routing.WaitingCaller;
import com.cloudpbx.core.routing.port.RoutedCallSimulator;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.freeswitch.media.FreeSwitchSettings;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An in-process switch: channels, bridges, park slots, conferences and eavesdropping, emitting
 * the events FreeSWITCH would, in the same order. Phones answer after
 * {@link SimulationSettings#answerDelay()}; what a dialled number does is decided by its last
 * digits (see SIMULATED_SWITCH.md). Commands may come from any thread: state is guarded by one
 * lock, and events reach the listeners one at a time on the scheduler, in the order they
 * happened.
 *
 * <p>The media server while {@code VOIP_FREESWITCH_HOSTS} is unset; with it come the sandbox routes.
 */
@Singleton
@Requires(missingProperty = FreeSwitchSettings.HOSTS)
public final class SimulatedSwitch implements LegControl, ConferenceControl, CallSimulator, RoutedCallSimulator {

    private static final String NORMAL_CLEARING = "NORMAL_CLEARING";
    private static final String ORIGINATOR_CANCEL = "ORIGINATOR_CANCEL";
    private static final String NO_ANSWER = "NO_ANSWER";
    private static final String SYSTEM_SHUTDOWN = "SYSTEM_SHUTDOWN";
    private static final String DTMF_DIGITS = "0123456789*#ABCD";
    private static final String LOSE_RACE = "LOSE_RACE";
    private static final int TRAILS_KEPT = 1_000;

    private final SimulationSettings settings;
    /** Callers of routed calls waiting in queues, as the queue statistics read them. */
    private final SimulatedQueueMonitor queues;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final EventOutbox outbox;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<UUID, Leg> legs = new LinkedHashMap<>();
    private final Map<ParkSlot, UUID> parked = new HashMap<>();
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Map<UUID, EavesdropSession> eavesdrops = new HashMap<>();
    private final Map<UUID, ConsultSession> consults = new HashMap<>();
    /** Routed calls by their caller's leg, and by each leg ringing for one. */
    private final Map<UUID, RoutedCall> routedCalls = new HashMap<>();
    private final Map<UUID, RoutedCall> ringingFor = new HashMap<>();
    /** Trails of the latest routed calls, kept after they end so a test can read where they went. */
    private final Map<UUID, Trail> trails = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Trail> eldest) {
            return size() > TRAILS_KEPT;
        }
    };

    /** A switch whose queues nobody else watches: for tests of the switch alone. */
    public SimulatedSwitch(SimulationSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        this(settings, clock, scheduler, new SimulatedQueueMonitor());
    }

    @Inject
    public SimulatedSwitch(SimulationSettings settings, Clock clock,
                           @Named(SimulatedSwitchBeans.EVENTS) ScheduledExecutorService scheduler,
                           SimulatedQueueMonitor queues) {
        this.queues = Objects.requireNonNull(queues, "queues");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.outbox = new EventOutbox(scheduler);
    }

    /** Events that happened before a listener registered are not replayed to it. */
    @Override
    public void listen(Consumer<MediaEvent> listener) {
        outbox.register(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void originate(Originate command) {
        inLock(() -> {
            requireUnused(command.uuid());
            CallDirection direction = command.to().kind() == Destination.Kind.NUMBER
                    ? CallDirection.OUTBOUND
                    : CallDirection.INTERNAL;
            String from = command.from().value();
            String callerIdNumber = command.callerIdNumber() != null ? command.callerIdNumber() : from;
            Leg caller = new Leg(command.uuid(), command.uuid(), command.tenant(), direction, from, callerIdNumber,
                    command.callerIdName(), command.to().value(), now(), ringTimeout(command.timeout()));
            caller.dialOnAnswer = command.to();
            ring(caller, RingOutcome.forCaller(from, settings));
        });
    }

    /**
     * The phone answers by itself, so only what the extension itself does decides: an
     * unregistered extension (or one ending in 480) keeps ringing, 486 is busy, 503 fails.
     */
    @Override
    public void intercom(IntercomCall command) {
        inLock(() -> {
            requireUnused(command.uuid());
            String extension = command.extension().value();
            String callerIdNumber = command.callerIdNumber() != null ? command.callerIdNumber() : extension;
            Leg leg = new Leg(command.uuid(), command.uuid(), command.tenant(), CallDirection.INTERNAL, extension,
                    callerIdNumber, command.callerIdName(), extension, now(), ringTimeout(command.timeout()));
            ring(leg, RingOutcome.forDestination(command.extension(), settings));
        });
    }

    @Override
    public void hangup(UUID uuid) {
        inLock(() -> end(live(uuid), NORMAL_CLEARING));
    }

    /**
     * Stops the switch as FreeSWITCH stops: every leg still up is hung up ({@code SYSTEM_SHUTDOWN}),
     * and this returns once the listeners have had those events, or when {@code within} is up.
     */
    public void shutdown(Duration within) {
        inLock(() -> List.copyOf(legs.values()).forEach(leg -> end(leg, SYSTEM_SHUTDOWN)));
        try {
            // The events go out on the scheduler's one thread, in order: a task queued behind them runs after them.
            scheduler.submit(() -> { }).get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            // Shutting down regardless; the events not delivered are lost with the switch.
        }
    }

    @Override
    public void transfer(UUID uuid, Destination destination) {
        Objects.requireNonNull(destination, "destination");
        inLock(() -> {
            Leg leg = live(uuid);
            release(leg);
            emit(new MediaEvent.ChannelTransferred(uuid, destination.value(), now()));
            // The call keeps its direction, except that an internal call sent outside becomes outbound.
            CallDirection direction = destination.kind() == Destination.Kind.NUMBER
                    && leg.direction == CallDirection.INTERNAL ? CallDirection.OUTBOUND : leg.direction;
            dial(leg, destination, direction, leg.callerIdNumber, leg.callerIdName, settings.ringTimeout());
        });
    }

    @Override
    public void hold(UUID uuid, boolean hold) {
        inLock(() -> {
            Leg leg = live(uuid);
            if (leg.onHold == hold) {
                return;
            }
            leg.onHold = hold;
            emit(hold ? new MediaEvent.ChannelHeld(uuid, now()) : new MediaEvent.ChannelUnheld(uuid, now()));
        });
    }

    @Override
    public void park(UUID uuid, String slot) {
        Objects.requireNonNull(slot, "slot");
        inLock(() -> {
            Leg leg = live(uuid);
            if (slot.equals(leg.parkSlot)) {
                return;
            }
            ParkSlot key = new ParkSlot(leg.tenant, slot);
            if (parked.containsKey(key)) {
                throw DomainException.badRequest("PARK_SLOT_TAKEN", "Park slot " + slot + " is already taken");
            }
            release(leg);
            parked.put(key, uuid);
            leg.parkSlot = slot;
            emit(new MediaEvent.ChannelParked(uuid, slot, now()));
        });
    }

    @Override
    public void bridge(UUID a, UUID b) {
        if (a.equals(b)) {
            throw DomainException.badRequest("INVALID_BRIDGE", "A call cannot be bridged to itself");
        }
        inLock(() -> {
            Leg first = live(a);
            Leg second = live(b);
            if (b.equals(first.bridgedTo)) {
                return;
            }
            forgetEachOther(first, second);
            release(first);
            release(second);
            if (isLive(first) && isLive(second)) {
                connect(first, second);
            }
        });
    }

    @Override
    public void consult(UUID consultUuid, UUID transferorLeg, Destination target) {
        Objects.requireNonNull(target, "target");
        inLock(() -> {
            Leg transferor = live(transferorLeg);
            requireUnused(consultUuid);
            if (consults.values().stream().anyMatch(session -> session.transferor().equals(transferorLeg))) {
                throw DomainException.badRequest("CONSULT_IN_PROGRESS",
                        "Call " + transferorLeg + " is already consulting someone");
            }
            boolean extension = target.kind() == Destination.Kind.EXTENSION;
            // The target sees who is calling it: the transferor's extension, when it has one.
            String callerId = transferor.extension != null ? transferor.extension : transferor.callerIdNumber;
            Leg consult = new Leg(consultUuid, consultUuid, transferor.tenant,
                    extension ? CallDirection.INTERNAL : CallDirection.OUTBOUND, extension ? target.value() : null,
                    callerId, null, target.value(), now(), settings.ringTimeout());
            consults.put(consultUuid, new ConsultSession(consultUuid, transferorLeg, transferor.bridgedTo));
            ring(consult, RingOutcome.forDestination(target, settings));
        });
    }

    @Override
    public void eavesdrop(UUID spyUuid, UUID target, Destination supervisor, EavesdropMode mode) {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(mode, "mode");
        inLock(() -> {
            Leg watched = live(target);
            requireUnused(spyUuid);
            Leg spy = new Leg(spyUuid, spyUuid, watched.tenant, CallDirection.INTERNAL, supervisor.value(),
                    watched.callerIdNumber, watched.callerIdName, watched.destination, now(), settings.ringTimeout());
            eavesdrops.put(spyUuid, new EavesdropSession(spyUuid, target, mode));
            ring(spy, RingOutcome.forCaller(supervisor.value(), settings));
        });
    }

    @Override
    public void eavesdropMode(UUID spyUuid, EavesdropMode mode) {
        Objects.requireNonNull(mode, "mode");
        inLock(() -> {
            EavesdropSession session = eavesdrops.get(spyUuid);
            if (session == null) {
                throw callNotFound(spyUuid);
            }
            eavesdrops.put(spyUuid, session.withMode(mode));
        });
    }

    /** The supervisor leg's session while it lasts, so its target and mode can be inspected. */
    public Optional<EavesdropSession> eavesdropSession(UUID spyUuid) {
        return inLockGet(() -> Optional.ofNullable(eavesdrops.get(spyUuid)));
    }

    @Override
    public void joinConference(UUID uuid, String room) {
        Objects.requireNonNull(room, "room");
        inLock(() -> join(live(uuid), room));
    }

    private void join(Leg leg, String room) {
        UUID uuid = leg.uuid;
        if (room.equals(leg.conference)) {
            return;
        }
        Room existing = rooms.get(room);
        if (existing != null && existing.locked) {
            throw DomainException.badRequest("CONFERENCE_LOCKED", "Conference " + room + " is locked");
        }
        // Only this leg moves: its partner stays up, so both legs of a call can be merged in turn.
        unbridge(leg);
        cancelPending(leg);
        leaveConference(leg);
        leaveSlot(leg);
        leg.dialOnAnswer = null;
        Room joined = rooms.computeIfAbsent(room, name -> new Room(name, now()));
        String memberId = joined.add(uuid);
        leg.conference = room;
        emit(new MediaEvent.ConferenceMemberJoined(uuid, room, memberId, now()));
    }

    @Override
    public void kick(String room, String memberId) {
        inLock(() -> {
            UUID uuid = member(room(room), memberId);
            end(legs.get(uuid), NORMAL_CLEARING);
        });
    }

    @Override
    public void mute(String room, String memberId, boolean mute) {
        inLock(() -> {
            Room conference = room(room);
            member(conference, memberId);
            conference.mute(memberId, mute);
        });
    }

    @Override
    public void lock(String room, boolean locked) {
        inLock(() -> room(room).locked = locked);
    }

    /** No audio is simulated: holding a member only checks that the room and the member exist. */
    @Override
    public void holdMember(String room, String memberId, boolean hold) {
        inLock(() -> member(room(room), memberId));
    }

    @Override
    public List<ConferenceSnapshot> conferences() {
        return inLockGet(() -> rooms.values().stream().map(this::snapshot).toList());
    }

    @Override
    public List<LiveChannel> channels() {
        return inLockGet(() -> legs.values().stream().map(Leg::snapshot).toList());
    }

    /** Answers a ringing leg now, as if its phone had been picked up; an answered leg stays as it is. */
    public void answer(UUID uuid) {
        inLock(() -> {
            Leg leg = live(uuid);
            if (!leg.answered()) {
                answerLeg(leg);
            }
        });
    }

    /** Key presses on the leg: one DtmfReceived per digit (0-9, *, #, A-D). */
    public void dtmf(UUID uuid, String digits) {
        String keys = digits == null ? "" : digits.toUpperCase(Locale.ROOT);
        if (keys.isEmpty() || !keys.chars().allMatch(key -> DTMF_DIGITS.indexOf(key) >= 0)) {
            throw DomainException.invalid("digits", "must be one or more of 0-9, *, #, A-D");
        }
        RoutedCall atMenu = inLockGet(() -> {
            live(uuid);
            keys.chars().forEach(key -> emit(new MediaEvent.DtmfReceived(uuid, Character.toString(key), now())));
            RoutedCall call = routedCalls.get(uuid);
            return call != null && call.menu != null ? call : null;
        });
        if (atMenu != null) {
            pressed(atMenu, keys.substring(0, 1));
        }
    }

    /**
     * A call from an outside number arriving on the tenant's trunk: its leg is answered at once
     * (as a DID routed to an extension is), then {@code to} rings like any dialled destination
     * and is bridged to it on answer. Returns the inbound leg's uuid, which is also the call's.
     */
    public UUID inbound(TenantId tenant, String from, Destination to) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return inLockGet(() -> {
            UUID uuid = UUID.randomUUID();
            Leg caller = new Leg(uuid, uuid, tenant, CallDirection.INBOUND, null, from, null, to.value(), now(),
                    settings.ringTimeout());
            register(caller);
            caller.answeredAt = now();
            emit(new MediaEvent.ChannelAnswered(uuid, caller.answeredAt));
            // An inbound call waits for someone to answer it (answer(uuid)), as a person would;
            // busy and failing destinations still refuse it at once.
            RingOutcome rule = RingOutcome.forDestination(to, settings);
            dial(caller, to, CallDirection.INBOUND, from, null, settings.ringTimeout(),
                    rule == RingOutcome.ANSWER ? RingOutcome.NO_ANSWER : rule);
            return uuid;
        });
    }

    // ---- routed calls: sandbox calls to DIDs ----------------------------------------------

    /**
     * The inbound leg is answered on arrival, as FreeSWITCH answers a DID's call to play a menu or
     * queue music, unless the decision refuses the call; then the decision plays out: ring steps
     * with their delays and timeouts, the queue's offers until its wait runs out, the menu until a
     * key or its timeout, and each fallback after.
     */
    @Override
    public UUID inbound(TenantId tenant, String from, String did, RouteDecision decision, MenuFollowUps followUps) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(followUps, "followUps");
        return inLockGet(() -> {
            UUID uuid = UUID.randomUUID();
            Leg caller = new Leg(uuid, uuid, tenant, CallDirection.INBOUND, null, from, null, did, now(),
                    settings.ringTimeout());
            register(caller);
            RoutedCall call = new RoutedCall(uuid, followUps);
            routedCalls.put(uuid, call);
            trails.put(uuid, new Trail(tenant, call.trail));
            if (!(decision instanceof RouteDecision.Reject)) {
                caller.answeredAt = now();
                emit(new MediaEvent.ChannelAnswered(uuid, caller.answeredAt));
            }
            carryOut(call, decision);
            return uuid;
        });
    }

    @Override
    public Optional<List<RouteStep>> trail(TenantId tenant, UUID callUuid) {
        return inLockGet(() -> Optional.ofNullable(trails.get(callUuid))
                .filter(trail -> trail.tenant().equals(tenant))
                .map(trail -> List.copyOf(trail.steps())));
    }

    private void carryOut(RoutedCall call, RouteDecision decision) {
        Leg caller = legs.get(call.caller);
        if (caller == null) {
            return;
        }
        int stage = advance(call);
        switch (decision) {
            case RouteDecision.Ring ring -> {
                step(call, "ring", extensions(ring.steps()));
                call.steps.addAll(ring.steps());
                call.afterSteps = ring.noAnswer();
                nextStep(call, stage);
            }
            case RouteDecision.EnterQueue queue -> {
                step(call, "queue", queue.queueName());
                call.queued = true;
                call.queue = CallCenterNames.queue(queue.queueId(), queue.sipDomain());
                call.waiting = new WaitingCaller(caller.callerIdNumber, caller.callerIdName, now());
                queues.join(call.queue, call.waiting);
                call.steps.addAll(queue.offers());
                schedule(Duration.ofSeconds(queue.maxWaitSeconds()), () -> queueTimedOut(call, queue, stage));
                nextStep(call, stage);
            }
            case RouteDecision.EnterMenu menu -> {
                step(call, "ivr", menu.menuName());
                call.menu = menu;
                scheduleMenuTimeout(call, menu, stage);
            }
            case RouteDecision.Voicemail box -> step(call, "voicemail", box.extension());
            case RouteDecision.JoinConference conference -> {
                step(call, "conference", conference.name());
                join(caller, conference.room());
            }
            case RouteDecision.Outbound out -> {
                step(call, "external", out.e164());
                dial(caller, Destination.number(out.e164(), "", out.gateway()), CallDirection.OUTBOUND,
                        caller.callerIdNumber, caller.callerIdName, caller.ringTimeout);
            }
            case RouteDecision.BridgeToExtension to -> {
                step(call, "extension", to.extension());
                dial(caller, Destination.extension(to.extension(), to.sipDomain()), caller.direction,
                        caller.callerIdNumber, caller.callerIdName, caller.ringTimeout);
            }
            case RouteDecision.PickUpParked pickUp -> {
                step(call, "park", pickUp.slot());
                dial(caller, Destination.extension(pickUp.slot(), ""), caller.direction, caller.callerIdNumber,
                        caller.callerIdName, caller.ringTimeout);
            }
            case RouteDecision.Page page -> {
                // Pages are dialled from phones; the simulated switch places none.
                step(call, "rejected", "pages are dialled from phones");
                end(caller, "UNALLOCATED_NUMBER");
            }
            case RouteDecision.Hangup ignored -> {
                step(call, "hangup", "");
                end(caller, NORMAL_CLEARING);
            }
            case RouteDecision.Reject reject -> {
                step(call, "rejected", reject.reason().name().toLowerCase(Locale.ROOT) + ": " + reject.detail());
                end(caller, causeOf(reject.reason()));
            }
            case RouteDecision.NotFound ignored -> {
                step(call, "rejected", "nothing to route to");
                end(caller, "UNALLOCATED_NUMBER");
            }
        }
    }

    /** The call moves on from what it was doing: a caller waiting in a queue leaves it first. */
    private int advance(RoutedCall call) {
        if (call.waiting != null) {
            queues.leave(call.queue, call.waiting);
            call.waiting = null;
        }
        return call.next();
    }

    /** Rings the next step's legs, each after its delay; with no step left, the fallback (a queue keeps waiting). */
    private void nextStep(RoutedCall call, int stage) {
        RouteDecision.RingStep next = call.steps.poll();
        if (next == null) {
            if (!call.queued) {
                RouteDecision fallback = call.afterSteps;
                step(call, "no_answer", "");
                carryOut(call, fallback);
            }
            return;
        }
        call.delayedLegs = next.legs().size();
        for (RouteDecision.RingLeg leg : next.legs()) {
            schedule(Duration.ofSeconds(leg.delaySeconds()), () -> startLeg(call, stage, leg));
        }
    }

    private void startLeg(RoutedCall call, int stage, RouteDecision.RingLeg ringLeg) {
        Leg caller = legs.get(call.caller);
        if (call.stage != stage || caller == null) {
            return;
        }
        call.delayedLegs--;
        Leg callee = new Leg(UUID.randomUUID(), caller.callUuid, caller.tenant, CallDirection.INBOUND,
                ringLeg.extension(), caller.callerIdNumber, caller.callerIdName, ringLeg.extension(), now(),
                Duration.ofSeconds(ringLeg.timeoutSeconds()));
        call.ringing.add(callee.uuid);
        ringingFor.put(callee.uuid, call);
        // A sandbox phone rings until the sandbox answers it or its leg times out; offline ones fail.
        RingOutcome rule = RingOutcome.forDestination(Destination.extension(ringLeg.extension(), ""), settings);
        ring(callee, rule == RingOutcome.ANSWER ? RingOutcome.NO_ANSWER : rule);
    }

    private void answeredFor(RoutedCall call, Leg leg) {
        ringingFor.remove(leg.uuid);
        call.ringing.remove(leg.uuid);
        stopRinging(call, LOSE_RACE);
        advance(call);
        step(call, "answered", leg.extension);
        connect(legs.get(call.caller), leg);
    }

    /** A leg rung for a routed call ended, or the call's own caller did. */
    private void routedLegEnded(Leg leg) {
        RoutedCall call = ringingFor.remove(leg.uuid);
        if (call != null) {
            call.ringing.remove(leg.uuid);
            if (call.ringing.isEmpty() && call.delayedLegs == 0 && isLive(call.caller)) {
                nextStep(call, call.stage);
            }
        }
        RoutedCall own = routedCalls.remove(leg.uuid);
        if (own != null) {
            advance(own);
            stopRinging(own, ORIGINATOR_CANCEL);
        }
    }

    private void stopRinging(RoutedCall call, String cause) {
        List<UUID> ringing = List.copyOf(call.ringing);
        call.ringing.clear();
        ringing.forEach(ringingFor::remove);
        ringing.stream().map(legs::get).filter(Objects::nonNull).forEach(leg -> end(leg, cause));
    }

    private void queueTimedOut(RoutedCall call, RouteDecision.EnterQueue queue, int stage) {
        if (call.stage == stage) {
            stopRinging(call, ORIGINATOR_CANCEL);
            step(call, "queue_timeout", queue.queueName());
            carryOut(call, queue.timeout());
        }
    }

    /** The first key chooses, as FreeSWITCH's ivr takes one-digit options; the router is asked outside the lock. */
    private void pressed(RoutedCall call, String key) {
        MenuWait wait = inLockGet(() -> call.menu == null ? null : new MenuWait(call.menu, call.stage));
        if (wait == null) {
            return;
        }
        RouteDecision decision = call.followUps.onKey().apply(wait.menu(), key);
        inLock(() -> {
            if (call.stage == wait.stage()) {
                step(call, "key", key);
                carryOut(call, decision);
            }
        });
    }

    /** No key for the menu's timeout, every try: its timeout route. Runs on the event scheduler. */
    private void scheduleMenuTimeout(RoutedCall call, RouteDecision.EnterMenu menu, int stage) {
        Duration wait = Duration.ofSeconds((long) menu.timeoutSeconds() * (menu.maxRetries() + 1));
        try {
            scheduler.schedule(() -> menuTimedOut(call, menu, stage), wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The scheduler is shut down with the application: nothing is left to happen.
        }
    }

    private void menuTimedOut(RoutedCall call, RouteDecision.EnterMenu menu, int stage) {
        if (inLockGet(() -> call.stage != stage)) {
            return;
        }
        RouteDecision decision;
        try {
            decision = call.followUps.onTimeout().apply(menu);
        } catch (RuntimeException routerUnavailable) {
            decision = new RouteDecision.Reject(menu.tenant(), RouteDecision.RejectReason.UNREACHABLE,
                    "the menu's timeout route could not be read");
        }
        RouteDecision next = decision;
        inLock(() -> {
            if (call.stage == stage) {
                step(call, "ivr_timeout", menu.menuName());
                carryOut(call, next);
            }
        });
    }

    private void step(RoutedCall call, String action, String detail) {
        call.trail.add(new RouteStep(action, detail, now()));
    }

    private static String extensions(List<RouteDecision.RingStep> steps) {
        return steps.stream()
                .map(step -> step.legs().stream().map(RouteDecision.RingLeg::extension).collect(Collectors.joining(",")))
                .collect(Collectors.joining(" | "));
    }

    /** The hangup causes FreeSWITCH gives a call refused for each reason. */
    private static String causeOf(RouteDecision.RejectReason reason) {
        return switch (reason) {
            case BLOCKED -> "CALL_REJECTED";
            case NOT_IN_SERVICE -> "UNALLOCATED_NUMBER";
            case NOT_AVAILABLE -> "SERVICE_UNAVAILABLE";
            case UNREACHABLE -> "NO_ROUTE_DESTINATION";
            case LOOP -> "EXCHANGE_ROUTING_ERROR";
        };
    }

    private record MenuWait(RouteDecision.EnterMenu menu, int stage) {
    }

    private record Trail(TenantId tenant, List<RouteStep> steps) {
    }

    // ---- channel life -------------------------------------------------------------------

    private void register(Leg leg) {
        legs.put(leg.uuid, leg);
        emit(new MediaEvent.ChannelCreated(leg.uuid, leg.callUuid, leg.tenant, leg.direction, leg.extension,
                leg.callerIdNumber, leg.callerIdName, leg.destination, leg.startedAt));
    }

    /** The leg comes into being ringing; its outcome plays out after the answer delay or the ring timeout. */
    private void ring(Leg leg, RingOutcome outcome) {
        register(leg);
        emit(new MediaEvent.ChannelRinging(leg.uuid, now()));
        schedule(settings.answerDelay(), () -> ringOutcome(leg, outcome));
        schedule(leg.ringTimeout, () -> {
            if (isLive(leg) && !leg.answered()) {
                end(leg, NO_ANSWER);
            }
        });
    }

    private void ringOutcome(Leg leg, RingOutcome outcome) {
        if (!isLive(leg) || leg.answered()) {
            return;
        }
        switch (outcome) {
            case ANSWER -> answerLeg(leg);
            case BUSY, FAIL -> end(leg, outcome.hangupCause);
            case NO_ANSWER -> {
                // Keeps ringing until the ring timeout.
            }
        }
    }

    private void answerLeg(Leg leg) {
        leg.answeredAt = now();
        emit(new MediaEvent.ChannelAnswered(leg.uuid, leg.answeredAt));
        RoutedCall routed = ringingFor.get(leg.uuid);
        if (routed != null) {
            answeredFor(routed, leg);
        } else if (leg.dialOnAnswer != null) {
            Destination next = leg.dialOnAnswer;
            leg.dialOnAnswer = null;
            dial(leg, next, leg.direction, leg.callerIdNumber, leg.callerIdName, leg.ringTimeout);
        } else if (leg.awaiting != null) {
            Leg origin = legs.get(leg.awaiting);
            leg.awaiting = null;
            if (origin != null && leg.uuid.equals(origin.dialling)) {
                origin.dialling = null;
                connect(origin, leg);
            }
        } else if (consults.containsKey(leg.uuid)) {
            Leg transferor = legs.get(consults.get(leg.uuid).transferor());
            // The transferor leaves its party (who stays up, on hold) to talk to the target.
            unbridge(transferor);
            connect(transferor, leg);
        }
    }

    /** Rings {@code destination} on behalf of {@code origin}; a parked slot of the tenant is picked up instead. */
    private void dial(Leg origin, Destination destination, CallDirection direction, String callerIdNumber,
                      String callerIdName, Duration ringTimeout) {
        dial(origin, destination, direction, callerIdNumber, callerIdName, ringTimeout,
                RingOutcome.forDestination(destination, settings));
    }

    private void dial(Leg origin, Destination destination, CallDirection direction, String callerIdNumber,
                      String callerIdName, Duration ringTimeout, RingOutcome outcome) {
        boolean extension = destination.kind() == Destination.Kind.EXTENSION;
        UUID parkedUuid = extension ? parked.get(new ParkSlot(origin.tenant, destination.value())) : null;
        if (parkedUuid != null && !parkedUuid.equals(origin.uuid)) {
            Leg parkedLeg = legs.get(parkedUuid);
            leaveSlot(parkedLeg);
            connect(origin, parkedLeg);
            return;
        }
        Leg callee = new Leg(UUID.randomUUID(), origin.callUuid, origin.tenant, direction,
                extension ? destination.value() : null, callerIdNumber, callerIdName, destination.value(), now(),
                ringTimeout);
        callee.awaiting = origin.uuid;
        origin.dialling = callee.uuid;
        ring(callee, outcome);
    }

    private void connect(Leg a, Leg b) {
        a.bridgedTo = b.uuid;
        b.bridgedTo = a.uuid;
        emit(new MediaEvent.ChannelBridged(a.uuid, b.uuid, now()));
        emit(new MediaEvent.ChannelBridged(b.uuid, a.uuid, now()));
    }

    /** Breaks the leg's bridge, both sides reporting it; returns the former partner, if any. */
    private Leg unbridge(Leg leg) {
        if (leg.bridgedTo == null) {
            return null;
        }
        Leg partner = legs.get(leg.bridgedTo);
        leg.bridgedTo = null;
        if (partner == null) {
            return null;
        }
        partner.bridgedTo = null;
        emit(new MediaEvent.ChannelUnbridged(leg.uuid, partner.uuid, now()));
        emit(new MediaEvent.ChannelUnbridged(partner.uuid, leg.uuid, now()));
        return partner;
    }

    /** Frees the leg from everything it is part of before it goes elsewhere; a bridged partner hangs up. */
    private void release(Leg leg) {
        Leg partner = unbridge(leg);
        if (partner != null) {
            end(partner, NORMAL_CLEARING);
        }
        cancelPending(leg);
        leaveConference(leg);
        leaveSlot(leg);
        leg.dialOnAnswer = null;
    }

    /**
     * A leg that is ringing someone else, or being rung to be bridged to someone, takes the other
     * half down with it: the caller cancels the ringing leg, a failed callee ends the caller.
     */
    private void cancelPending(Leg leg) {
        if (leg.awaiting != null) {
            Leg origin = legs.get(leg.awaiting);
            leg.awaiting = null;
            if (origin != null && leg.uuid.equals(origin.dialling)) {
                origin.dialling = null;
                end(origin, NORMAL_CLEARING);
            }
        }
        if (leg.dialling != null) {
            Leg callee = legs.get(leg.dialling);
            leg.dialling = null;
            if (callee != null && leg.uuid.equals(callee.awaiting)) {
                callee.awaiting = null;
                end(callee, ORIGINATOR_CANCEL);
            }
        }
    }

    /** Bridging a caller to the leg it is ringing is not a cancellation of either. */
    private static void forgetEachOther(Leg a, Leg b) {
        if (b.uuid.equals(a.dialling) || a.uuid.equals(b.awaiting)) {
            a.dialling = null;
            b.awaiting = null;
        }
        if (a.uuid.equals(b.dialling) || b.uuid.equals(a.awaiting)) {
            b.dialling = null;
            a.awaiting = null;
        }
    }

    /** CHANNEL_HANGUP_COMPLETE: leaves any room first, and takes a bridged partner and any eavesdroppers along. */
    private void end(Leg leg, String cause) {
        if (!isLive(leg)) {
            return;
        }
        Leg partner = unbridge(leg);
        leaveConference(leg);
        leaveSlot(leg);
        legs.remove(leg.uuid);
        eavesdrops.remove(leg.uuid);
        Instant at = now();
        long durationSeconds = Duration.between(leg.startedAt, at).toSeconds();
        long billsec = leg.answered() ? Duration.between(leg.answeredAt, at).toSeconds() : 0;
        emit(new MediaEvent.ChannelHungUp(leg.uuid, cause, durationSeconds, billsec, at));
        routedLegEnded(leg);
        cancelPending(leg);
        endEavesdropsOn(leg);
        boolean partnerStays = partner != null && outlivesPartner(partner, leg);
        endConsultsOf(leg);
        if (partner != null && !partnerStays) {
            end(partner, NORMAL_CLEARING);
        }
    }

    /**
     * During an attended transfer a leg may stay up when its partner hangs up: the transferor
     * when the held party leaves, and the transferor or the consult leg when the other one
     * leaves while the held party still waits for one of them.
     */
    private boolean outlivesPartner(Leg partner, Leg leaving) {
        return consults.values().stream().anyMatch(session -> session.talksOn(partner.uuid)
                && (leaving.uuid.equals(session.heldParty())
                        || session.talksOn(leaving.uuid) && isLive(session.heldParty())));
    }

    /** A consult ends with its consult leg or its transferor; a transferor that leaves first cancels it. */
    private void endConsultsOf(Leg leg) {
        for (ConsultSession session : List.copyOf(consults.values())) {
            if (session.talksOn(leg.uuid)) {
                consults.remove(session.consult());
                Leg consult = legs.get(session.consult());
                if (consult != null && !consult.answered()) {
                    end(consult, ORIGINATOR_CANCEL);
                }
            } else if (leg.uuid.equals(session.heldParty())) {
                consults.put(session.consult(), session.withoutHeldParty());
            }
        }
    }

    private void endEavesdropsOn(Leg target) {
        List<UUID> spies = eavesdrops.values().stream()
                .filter(session -> session.target().equals(target.uuid))
                .map(EavesdropSession::spy)
                .toList();
        for (UUID spy : spies) {
            Leg spyLeg = legs.get(spy);
            if (spyLeg != null) {
                end(spyLeg, NORMAL_CLEARING);
            }
        }
    }

    private void leaveSlot(Leg leg) {
        if (leg.parkSlot != null) {
            parked.remove(new ParkSlot(leg.tenant, leg.parkSlot));
            leg.parkSlot = null;
        }
    }

    /** An empty room disappears, as a FreeSWITCH conference does when its last member leaves. */
    private void leaveConference(Leg leg) {
        if (leg.conference == null) {
            return;
        }
        Room room = rooms.get(leg.conference);
        leg.conference = null;
        if (room == null) {
            return;
        }
        room.memberIdOf(leg.uuid).ifPresent(memberId -> {
            room.remove(memberId);
            emit(new MediaEvent.ConferenceMemberLeft(leg.uuid, room.name, memberId, now()));
        });
        if (room.isEmpty()) {
            rooms.remove(room.name);
        }
    }

    private ConferenceSnapshot snapshot(Room room) {
        List<ConferenceSnapshot.Member> members = room.members().entrySet().stream()
                .map(entry -> {
                    Leg leg = legs.get(entry.getValue());
                    return new ConferenceSnapshot.Member(entry.getKey(), entry.getValue(), leg.callerIdNumber,
                            leg.callerIdName, room.isMuted(entry.getKey()));
                })
                .toList();
        return new ConferenceSnapshot(room.name, room.locked, room.startedAt, members);
    }

    // ---- lookups ------------------------------------------------------------------------

    private Leg live(UUID uuid) {
        Leg leg = uuid == null ? null : legs.get(uuid);
        if (leg == null) {
            throw callNotFound(uuid);
        }
        return leg;
    }

    private boolean isLive(Leg leg) {
        return legs.get(leg.uuid) == leg;
    }

    private boolean isLive(UUID uuid) {
        return uuid != null && legs.containsKey(uuid);
    }

    private void requireUnused(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        if (legs.containsKey(uuid)) {
            throw DomainException.badRequest("CALL_EXISTS", "A call with uuid " + uuid + " already exists");
        }
    }

    private Room room(String name) {
        Room room = name == null ? null : rooms.get(name);
        if (room == null) {
            throw DomainException.badRequest("CONFERENCE_NOT_FOUND", "No conference named " + name);
        }
        return room;
    }

    private static UUID member(Room room, String memberId) {
        return room.member(memberId).orElseThrow(() -> DomainException.badRequest("MEMBER_NOT_FOUND",
                "Conference " + room.name + " has no member " + memberId));
    }

    private static DomainException callNotFound(UUID uuid) {
        return DomainException.badRequest("CALL_NOT_FOUND", "No live call with uuid " + uuid);
    }

    // ---- plumbing -----------------------------------------------------------------------

    /** An originate's own timeout shortens the ring; it never lengthens it past the configured one. */
    private Duration ringTimeout(Duration requested) {
        boolean shorter = requested.isPositive() && requested.compareTo(settings.ringTimeout()) < 0;
        return shorter ? requested : settings.ringTimeout();
    }

    private Instant now() {
        return clock.instant();
    }

    private void emit(MediaEvent event) {
        outbox.post(event);
    }

    private void schedule(Duration delay, Runnable action) {
        try {
            scheduler.schedule(() -> inLock(action), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The scheduler is shut down with the application: nothing is left to happen.
        }
    }

    private void inLock(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private <T> T inLockGet(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
