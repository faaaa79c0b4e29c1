package com.cloudpbx.core.threeway;

import com.cloudpbx.core.webhooks.WebhookFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.blocklist.MapBlocklistRepository;
import com.cloudpbx.core.calls.CallAccess;
import com.cloudpbx.core.calls.CallControl;
import com.cloudpbx.core.calls.CallFixtures;
import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.core.calls.CallStats;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.ConferenceSnapshot;
import com.cloudpbx.core.calls.Conferences;
import com.cloudpbx.core.calls.Destinations;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MapAttendedTransfers;
import com.cloudpbx.core.calls.MapCallTrails;
import com.cloudpbx.core.calls.MapHangupLedger;
import com.cloudpbx.core.calls.MapLiveChannels;
import com.cloudpbx.core.calls.MapParkSlots;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.MediaServerScenarios;
import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.core.calls.TrackCalls;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Subdomain;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStatus;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.StoreSamples;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three-way calling, the same on every media server: the real use cases ({@link ThreeWayCalling}
 * for the API, {@link FollowThreeWayCalls} after {@link TrackCalls} for the events, as the
 * application wires them) drive the backend, and live state, the switch's channels and rooms and
 * the stored session must end up alike whatever switch is behind it.
 *
 * <p>The moderator M is extension 1001 (Alice) calling its party A (1002); the participant B added
 * on a leg of its own is 1003, or 1486, which is busy. Merges go into the tenant's room "huddle".
 * Each scenario wires the use cases first, with the moderator hang-up policy it is about. Commands
 * return before their events arrive, so outcomes are awaited by polling, within a bound.
 */
public abstract class ThreeWayContract<S extends LegControl & ConferenceControl> extends MediaServerScenarios<S> {

    private static final String CONFERENCE = "huddle";
    private static final String BUSY = "1486";
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration MEMBER_WAIT = Duration.ofSeconds(3);

    private final Tenant acme = new Tenant(tenant, "Acme", new Subdomain("acme"), SIP_DOMAIN, TenantStatus.ACTIVE,
            StoreSamples.T0, StoreSamples.T0);
    private final Actor admin = CallFixtures.admin(acme);
    private final MapLiveChannels live = new MapLiveChannels();
    private final MapParkSlots parkSlots = new MapParkSlots();
    private final MapAttendedTransfers transfers = new MapAttendedTransfers();
    private final MapThreeWaySessionStore store = new MapThreeWaySessionStore();
    private final ConferenceRooms rooms = new ConferenceRooms(new SecureRandom());
    private final String room = rooms.room(tenant, CONFERENCE);
    private final UUID m = UUID.randomUUID();
    private ThreeWayCalling threeWay;

    /**
     * Makes the phone behind a ringing leg turn the call down as busy. A backend whose numbers
     * decide by themselves (the simulated switch, where 1486 is busy) does nothing; one driven by a
     * fake switch has it report the refusal.
     */
    protected abstract void letBeBusy(UUID ringingLeg);

    @BeforeEach
    void nameTheRoom() {
        transcript.name(room, CONFERENCE);
    }

    @Test
    void mergingPutsEveryLegInTheTenantRoomAndTakesThePartyOffHold() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();
        UUID b = answeredParticipant(a);

        MergedCall merged = threeWay.merge(admin, m, b, a, CONFERENCE);

        assertThat(merged.conferenceName()).isEqualTo(CONFERENCE);
        assertThat(merged.participants()).extracting(ThreeWayParticipant::uuid).containsExactly(m, a, b);
        assertThat(merged.participants()).extracting(ThreeWayParticipant::status).containsOnly("active");
        settles(() -> assertThat(channels()).containsExactly(
                inRoom("A", "M", "1002", "1001 Alice", "1002"),
                inRoom("B", "B", "1003", "1001 null", "1003"),
                inRoom("M", "M", "1001", "1001 Alice", "1002")));
        assertThat(transcript.conferences(server().conferences())).containsExactly(
                "huddle: A as m1 (caller 1001 Alice), B as m2 (caller 1001 null), M as m3 (caller 1001 Alice)");
        assertThat(session().state()).isEqualTo(new ThreeWayState.Merged(a, b, CONFERENCE));
        assertThat(session().members()).isEqualTo(memberIds());
    }

    @Test
    void goingPrivateWithEachParticipantInTurnAndMergingAgainKeepsTheRoomAndItsMembers() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();
        UUID b = answeredParticipant(a);
        threeWay.merge(admin, m, b, a, CONFERENCE);
        settles(() -> assertThat(memberIds()).containsOnlyKeys(m, a, b));
        Map<UUID, String> members = memberIds();
        List<String> before = transcript.conferences(server().conferences());

        threeWay.swap(admin, CONFERENCE, b, a);
        assertThat(session().state()).isEqualTo(new ThreeWayState.Private(b, a, CONFERENCE));
        threeWay.swap(admin, CONFERENCE, a, b);
        assertThat(session().state()).isEqualTo(new ThreeWayState.Private(a, b, CONFERENCE));
        MergedCall merged = threeWay.merge(admin, m, b, null, null);

        assertThat(merged.participants()).extracting(ThreeWayParticipant::status).containsOnly("active");
        assertThat(session().state()).isEqualTo(new ThreeWayState.Merged(a, b, CONFERENCE));
        assertThat(session().members()).isEqualTo(members);
        assertThat(memberIds()).isEqualTo(members);
        assertThat(transcript.conferences(server().conferences())).isEqualTo(before);
    }

    @Test
    void kickingThePartyLeavesTheModeratorBridgedToTheParticipantAndTheRoomGone() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();
        UUID b = mergedParticipant(a);

        threeWay.kick(admin, CONFERENCE, session().memberId(a).orElseThrow());

        settles(() -> assertThat(channels()).containsExactly(
                bridged("B", "B", "1003", "1001 null", "1003", "M"),
                bridged("M", "M", "1001", "1001 Alice", "1002", "B")));
        settles(() -> assertThat(transcript.conferences(server().conferences())).isEmpty());
        assertThat(session().state()).isEqualTo(new ThreeWayState.TwoParty(b));
    }

    @Test
    void aBusyParticipantTakesThePartyOffHoldStillBridgedToTheModerator() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();

        UUID b = ringingParticipant(BUSY);
        letBeBusy(b);

        settles(() -> assertThat(channels()).containsExactly(
                bridged("A", "M", "1002", "1001 Alice", "1002", "M"),
                bridged("M", "M", "1001", "1001 Alice", "1002", "A")));
        assertThat(session().state()).isEqualTo(new ThreeWayState.TwoParty(a));
    }

    @Test
    void theParticipantHangingUpAfterAnsweringBringsTheModeratorBackToThePartyOffHold() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();
        UUID b = answeredParticipant(a);

        server().hangup(b);

        settles(() -> assertThat(channels()).containsExactly(
                bridged("A", "M", "1002", "1001 Alice", "1002", "M"),
                bridged("M", "M", "1001", "1001 Alice", "1002", "A")));
        assertThat(session().state()).isEqualTo(new ThreeWayState.TwoParty(a));
    }

    @Test
    void theModeratorHangingUpWhileTalkingToTheParticipantBridgesItToThePartyOffHold() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();
        UUID b = answeredParticipant(a);

        threeWay.hangup(admin, m);

        settles(() -> assertThat(channels()).containsExactly(
                bridged("A", "M", "1002", "1001 Alice", "1002", "B"),
                bridged("B", "B", "1003", "1001 null", "1003", "A")));
        assertThat(store.findByLegInAnyTenant(a)).isEmpty();
    }

    @Test
    void theModeratorHangingUpUnderTheBridgePolicyLeavesThePartiesBridgedToEachOther() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();
        UUID b = mergedParticipant(a);

        threeWay.hangup(admin, m);

        settles(() -> assertThat(channels()).containsExactly(
                bridged("A", "M", "1002", "1001 Alice", "1002", "B"),
                bridged("B", "B", "1003", "1001 null", "1003", "A")));
        settles(() -> assertThat(transcript.conferences(server().conferences())).isEmpty());
        assertThat(store.findByLegInAnyTenant(a)).isEmpty();
        assertThat(store.findByLegInAnyTenant(b)).isEmpty();
    }

    @Test
    void theModeratorHangingUpUnderTheReleasePolicyHangsUpBothParties() {
        wire(ModeratorHangupPolicy.RELEASE);
        UUID a = call();
        UUID b = mergedParticipant(a);

        threeWay.hangup(admin, m);

        settles(() -> assertThat(channels()).isEmpty());
        settles(() -> assertThat(transcript.conferences(server().conferences())).isEmpty());
        assertThat(store.findByLegInAnyTenant(a)).isEmpty();
        assertThat(store.findByLegInAnyTenant(b)).isEmpty();
    }

    @Test
    void mergingTwoCallsOfOnePhonePutsTheThreeOtherLegsInTheRoomAndHangsUpItsSecondLeg() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();
        // The phone's first call waits on hold while it talks on its second line.
        server().hold(a, true);
        settles(() -> assertThat(live.find(a)).hasValueSatisfying(leg -> assertThat(leg.onHold()).isTrue()));
        UUID line = UUID.randomUUID();
        UUID c = connectedCall(line, "L", "1001", "Alice", "1003", "C");
        settles(() -> assertThat(live.find(line).map(LiveChannel::bridgedTo)).contains(c));

        MergedCall merged = threeWay.mergeDirect(admin, m, line, CONFERENCE);

        assertThat(merged.participants()).extracting(ThreeWayParticipant::uuid).containsExactly(m, a, c);
        settles(() -> assertThat(channels()).containsExactly(
                inRoom("A", "M", "1002", "1001 Alice", "1002"),
                inRoom("C", "L", "1003", "1001 Alice", "1003"),
                inRoom("M", "M", "1001", "1001 Alice", "1002")));
        assertThat(transcript.conferences(server().conferences())).containsExactly(
                "huddle: A as m1 (caller 1001 Alice), C as m2 (caller 1001 Alice), M as m3 (caller 1001 Alice)");
        assertThat(session().state()).isEqualTo(new ThreeWayState.Merged(a, c, CONFERENCE));
        assertThat(store.findByLegInAnyTenant(line)).isEmpty();
    }

    @Test
    void mergingTwoCallsThatShareNoPhonePutsAllFourLegsInTheRoomWithTheFirstCallerModerating() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();
        UUID carol = UUID.randomUUID();
        UUID d = callFromCarol(carol);

        MergedCall merged = threeWay.mergeDirect(admin, a, d, CONFERENCE);

        assertThat(merged.participants()).extracting(ThreeWayParticipant::uuid).containsExactly(m, a, carol, d);
        assertThat(merged.participants()).extracting(ThreeWayParticipant::memberId).doesNotContainNull();
        settles(() -> assertThat(channels()).containsExactly(
                inRoom("A", "M", "1002", "1001 Alice", "1002"),
                inRoom("C", "C", "1003", "1003 Carol", "1004"),
                inRoom("D", "C", "1004", "1003 Carol", "1004"),
                inRoom("M", "M", "1001", "1001 Alice", "1002")));
        assertThat(session().state()).isEqualTo(new ThreeWayState.Merged(a, carol, CONFERENCE, List.of(d)));
        assertThat(store.findByLeg(session().tenant(), d)).contains(session());
    }

    @Test
    void aGuestOfAFourLegRoomHangingUpLeavesTheThreeOthersInIt() {
        wire(ModeratorHangupPolicy.BRIDGE);
        UUID a = call();
        UUID carol = UUID.randomUUID();
        UUID d = callFromCarol(carol);
        threeWay.mergeDirect(admin, m, carol, CONFERENCE);
        settles(() -> assertThat(session().members()).containsOnlyKeys(m, a, carol, d));

        threeWay.hangup(admin, d);

        settles(() -> assertThat(channels()).containsExactly(
                inRoom("A", "M", "1002", "1001 Alice", "1002"),
                inRoom("C", "C", "1003", "1003 Carol", "1004"),
                inRoom("M", "M", "1001", "1001 Alice", "1002")));
        settles(() -> assertThat(session().state()).isEqualTo(new ThreeWayState.Merged(a, carol, CONFERENCE)));
    }

    /**
     * Listens with the use cases in the application's order (live state first, then the
     * sessions, which read it) and builds the API use case on the same stores.
     */
    private void wire(ModeratorHangupPolicy policy) {
        var extensions = new ListExtensions(Stream.of("1001", "1002", "1003", "1004", BUSY)
                .map(number -> StoreSamples.extension(tenant, number)).toList());
        var access = new CallAccess(live, extensions, new ListTenants(List.of(acme)));
        var slots = new ParkSlotRange(701, 703);
        var destinations = new Destinations(access, parkSlots, slots, new CallScreening(new MapBlocklistRepository()),
                tenant -> java.util.Optional.empty());
        var machine = new ThreeWayMachine(policy);
        server().listen(new TrackCalls(live, parkSlots, new MapCallTrails(), new MapHangupLedger(), transfers,
                new NoHistory(), notification -> {
        }, WebhookFixtures.noneSubscribed()));
        server().listen(new FollowThreeWayCalls(server(), server(), rooms, machine, store, Runnable::run));
        threeWay = new ThreeWayCalling(server(), server(), live, transfers, access, destinations, slots, rooms,
                new Conferences(server(), rooms, access), new CallControl(server(), server(), live, parkSlots,
                transfers, access, destinations, slots, rooms), machine, store, MEMBER_WAIT);
    }

    /** M calls A; returns A once live state has them bridged, as adding a participant needs. */
    private UUID call() {
        UUID a = connectedCall(m, "M", "1001", "Alice", "1002", "A");
        settles(() -> assertThat(live.find(m).filter(LiveChannel::answered).map(LiveChannel::bridgedTo)).contains(a));
        return a;
    }

    /** A second call, Carol (1003, leg {@code carol}) to 1004; returns its leg D once the two are bridged. */
    private UUID callFromCarol(UUID carol) {
        UUID d = connectedCall(carol, "C", "1003", "Carol", "1004", "D");
        settles(() -> assertThat(live.find(carol).map(LiveChannel::bridgedTo)).contains(d));
        return d;
    }

    /** Adds the extension to M's call; returns the new leg B once it rings. */
    private UUID ringingParticipant(String extension) {
        UUID b = threeWay.addParticipant(admin, m, null, extension).newCallUuid();
        transcript.name(b, "B");
        events.await(ChannelRinging.class, b);
        return b;
    }

    /** B (1003) added and answered: M talks to it while A waits on hold. */
    private UUID answeredParticipant(UUID a) {
        UUID b = ringingParticipant("1003");
        letAnswer(b);
        settles(() -> {
            assertThat(session().state()).isEqualTo(new ThreeWayState.ConsultAnswered(a, b));
            assertThat(live.find(m).map(LiveChannel::bridgedTo)).contains(b);
            assertThat(live.find(a)).hasValueSatisfying(leg -> assertThat(leg.onHold()).isTrue());
        });
        return b;
    }

    /** B added, answered and merged with M and A, every member id known to the session. */
    private UUID mergedParticipant(UUID a) {
        UUID b = answeredParticipant(a);
        threeWay.merge(admin, m, b, a, CONFERENCE);
        settles(() -> assertThat(session().members()).containsOnlyKeys(m, a, b));
        return b;
    }

    private ThreeWaySession session() {
        return store.findByLegInAnyTenant(m).orElseThrow(() -> new AssertionError("M has no three-way session"));
    }

    /** Our legs as live state has them; the switch must list the very same ones. */
    private List<String> channels() {
        List<String> tracked = transcript.channels(live.list(Optional.of(tenant)));
        assertThat(transcript.channels(server().channels())).isEqualTo(tracked);
        return tracked;
    }

    /** The member id of each leg in the room, as the switch lists it. */
    private Map<UUID, String> memberIds() {
        return server().conferences().stream().filter(conference -> conference.room().equals(room))
                .flatMap(conference -> conference.members().stream())
                .collect(Collectors.toMap(ConferenceSnapshot.Member::uuid, ConferenceSnapshot.Member::memberId));
    }

    private static String inRoom(String leg, String call, String extension, String caller, String dialled) {
        return leg + ": call " + call + ", internal, extension " + extension + ", caller " + caller + ", dialled "
                + dialled + ", answered, bridged to nothing, parked in nothing, in room " + CONFERENCE;
    }

    private static String bridged(String leg, String call, String extension, String caller, String dialled,
                                  String partner) {
        return leg + ": call " + call + ", internal, extension " + extension + ", caller " + caller + ", dialled "
                + dialled + ", answered, bridged to " + partner + ", parked in nothing, in room nothing";
    }

    /** Runs the checks until they pass, for at most {@link #SETTLE}; then their last failure stands. */
    private static void settles(Runnable checks) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            try {
                checks.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for the calls to settle", e);
            }
        }
    }

    /** The history is not what these scenarios are about: records are taken and dropped. */
    private static final class NoHistory implements CallHistory {

        @Override
        public boolean record(CallRecord record) {
            return true;
        }

        @Override
        public Optional<CallRecord> findById(TenantId tenant, UUID id) {
            return Optional.empty();
        }

        @Override
        public Optional<CallRecord> findByIdInAnyTenant(UUID id) {
            return Optional.empty();
        }

        @Override
        public Page<CallRecord> find(CallQuery query, PageRequest page) {
            return new Page<>(List.of(), page, 0);
        }

        @Override
        public void stream(CallQuery query, Optional<Integer> limit, Consumer<CallRecord> sink) {
        }

        @Override
        public CallStats stats(CallQuery query) {
            return new CallStats(0, 0, 0, 0);
        }
    }
}
