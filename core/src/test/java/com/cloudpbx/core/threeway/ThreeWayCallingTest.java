package com.cloudpbx.core.threeway;

import static com.cloudpbx.core.calls.CallFixtures.admin;
import static com.cloudpbx.core.calls.CallFixtures.assertInvalid;
import static com.cloudpbx.core.calls.CallFixtures.assertRefused;
import static com.cloudpbx.core.calls.CallFixtures.assertRefusedWithCode;
import static com.cloudpbx.core.calls.CallFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.blocklist.BlockDirection;
import com.cloudpbx.core.blocklist.BlockPattern;
import com.cloudpbx.core.blocklist.BlockedNumber;
import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.blocklist.MapBlocklistRepository;
import com.cloudpbx.core.calls.CallAccess;
import com.cloudpbx.core.calls.CallControl;
import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.Conferences;
import com.cloudpbx.core.calls.Destinations;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MapAttendedTransfers;
import com.cloudpbx.core.calls.MapLiveChannels;
import com.cloudpbx.core.calls.MapParkSlots;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.core.calls.RecordingMediaServer;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.StoreSamples;
import com.cloudpbx.core.tenants.Tenant;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The three-way use cases against recorded switch commands: what is checked before anything is
 * sent, what is sent, and how sessions are stored and undone.
 */
class ThreeWayCallingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final Tenant acme = StoreSamples.tenant("Acme");
    private final Tenant globex = StoreSamples.tenant("Globex");
    private final Extension agent = StoreSamples.extension(acme.id(), "1001");
    private final Extension customer = StoreSamples.extension(acme.id(), "1002");
    private final Extension colleague = StoreSamples.extension(acme.id(), "1003");

    private final MapLiveChannels live = new MapLiveChannels();
    private final MapParkSlots parkSlots = new MapParkSlots();
    private final MapAttendedTransfers transfers = new MapAttendedTransfers();
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final MapThreeWaySessionStore store = new MapThreeWaySessionStore();
    private final CallAccess access = new CallAccess(live, new ListExtensions(List.of(agent, customer, colleague)),
            new ListTenants(List.of(acme, globex)));
    private final ParkSlotRange slots = new ParkSlotRange(701, 703);
    private final ConferenceRooms rooms = new ConferenceRooms(new SecureRandom());
    private final MapBlocklistRepository blocklist = new MapBlocklistRepository();
    private final Destinations destinations = new Destinations(access, parkSlots, slots, new CallScreening(blocklist),
            tenant -> java.util.Optional.empty());
    private final ThreeWayMachine machine = new ThreeWayMachine(ModeratorHangupPolicy.BRIDGE);
    private final ThreeWayCalling threeWay = new ThreeWayCalling(media, media, live, transfers, access, destinations,
            slots, rooms, new Conferences(media, rooms, access),
            new CallControl(media, media, live, parkSlots, transfers, access, destinations, slots, rooms),
            machine, store, Duration.ofMillis(50));
    private final FollowThreeWayCalls follow = new FollowThreeWayCalls(media, media, rooms, machine, store,
            Runnable::run);

    private final UUID m = UUID.randomUUID();
    private final UUID a = UUID.randomUUID();

    @Test
    void addingAParticipantHoldsThePartyRingsTheTargetAndStoresTheSession() {
        connect();

        AddedParticipant added = threeWay.addParticipant(admin(acme), m, null, "1003");

        assertThat(added.originalBridgedLeg()).isEqualTo(a);
        assertThat(media.commands).containsExactly("hold " + a + " true",
                "consult " + added.newCallUuid() + " " + m + " 1003");
        assertThat(store.findByLegInAnyTenant(added.newCallUuid())).hasValueSatisfying(session -> assertThat(session.state())
                .isEqualTo(new ThreeWayState.Consulting(a, added.newCallUuid())));
    }

    @Test
    void addingAParticipantNeedsExactlyOneTargetAndSendsNothingOtherwise() {
        connect();

        assertInvalid(() -> threeWay.addParticipant(admin(acme), m, null, null), "toNumber");
        assertInvalid(() -> threeWay.addParticipant(admin(acme), m, "+15550100111", "1003"), "toNumber");
        assertInvalid(() -> threeWay.addParticipant(admin(acme), m, null, "1099"), "toExtension");
        assertInvalid(() -> threeWay.addParticipant(admin(acme), m, "not a number", null), "toNumber");
        assertInvalid(() -> threeWay.addParticipant(admin(acme), m, null, "1002"), "toExtension");
        assertThat(media.commands).isEmpty();
        assertThat(store.findByLegInAnyTenant(m)).isEmpty();
    }

    @Test
    void aParticipantAtANumberBlockedOutboundIsRefusedAndNothingIsSent() {
        connect();
        blocklist.insert(new BlockedNumber(UUID.randomUUID(), acme.id(), BlockPattern.parse("+15550100111", "number"),
                null, BlockDirection.OUTBOUND, StoreSamples.T0));

        assertRefusedWithCode(() -> threeWay.addParticipant(admin(acme), m, "+15550100111", null), "NUMBER_BLOCKED");
        assertThat(media.commands).isEmpty();
        assertThat(store.findByLegInAnyTenant(m)).isEmpty();
    }

    @Test
    void aParticipantCanBeAddedOnlyToAnAnsweredBridgedCall() {
        live.put(leg(m, "1001", null));

        assertRefusedWithCode(() -> threeWay.addParticipant(admin(acme), m, null, "1003"), "CALL_NOT_BRIDGED");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void anotherTenantsCallIsNotFound() {
        connect();

        assertRefused(() -> threeWay.addParticipant(admin(globex), m, null, "1003"), ErrorKind.NOT_FOUND);
    }

    @Test
    void anExtensionUserAddsParticipantsOnlyToItsOwnCalls() {
        connect();

        assertRefused(() -> threeWay.addParticipant(user(acme, colleague), m, null, "1003"), ErrorKind.NOT_FOUND);
        assertThat(threeWay.addParticipant(user(acme, agent), m, null, "1003").originalBridgedLeg()).isEqualTo(a);
    }

    @Test
    void aConsultTheSwitchRefusesTakesThePartyOffHoldAndLeavesNoSession() {
        connect();
        media.refuse("consult", DomainException.badRequest("CALL_NOT_FOUND", "gone"));

        assertThatThrownBy(() -> threeWay.addParticipant(admin(acme), m, null, "1003"))
                .isInstanceOf(DomainException.class);

        assertThat(media.commands).containsExactly("hold " + a + " true", "hold " + a + " false");
        assertThat(store.findByLegInAnyTenant(m)).isEmpty();
    }

    @Test
    void addingASecondParticipantWhileTheFirstRingsIsInvalidState() {
        connect();
        threeWay.addParticipant(admin(acme), m, null, "1003");
        media.commands.clear();

        assertRefusedWithCode(() -> threeWay.addParticipant(admin(acme), m, "+15550100111", null), "INVALID_STATE");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void theParticipantFailingTakesThePartyOffHold() {
        connect();
        UUID b = threeWay.addParticipant(admin(acme), m, null, "1003").newCallUuid();
        media.commands.clear();

        follow.accept(new MediaEvent.ChannelHungUp(b, "USER_BUSY", 0, 0, NOW));

        assertThat(media.commands).containsExactly("hold " + a + " false");
        assertThat(store.findByLegInAnyTenant(m)).hasValueSatisfying(s -> assertThat(s.state())
                .isEqualTo(new ThreeWayState.TwoParty(a)));
    }

    @Test
    void mergingJoinsEverybodyIntoATenantRoomAndNamesTheParticipants() {
        connect();
        UUID b = answeredParticipant();
        media.commands.clear();
        String room = rooms.room(acme.id(), "huddle");
        media.listJoinedMembers();

        MergedCall merged = threeWay.merge(admin(acme), m, b, a, "huddle");

        assertThat(media.commands).containsExactly("hold " + a + " false", "join " + m + " " + room,
                "join " + a + " " + room, "join " + b + " " + room);
        assertThat(merged.conferenceName()).isEqualTo("huddle");
        assertThat(merged.participants()).extracting(ThreeWayParticipant::uuid).containsExactly(m, a, b);
        assertThat(merged.participants()).extracting(ThreeWayParticipant::memberId).containsExactly("1", "2", "3");
        assertThat(merged.participants()).extracting(ThreeWayParticipant::callerIdNumber)
                .containsExactly("1001", "1002", "1003");
        assertThat(merged.participants()).extracting(ThreeWayParticipant::status).containsOnly("active");
        assertThat(store.findByConference(acme.id(), "huddle")).isPresent();
    }

    @Test
    void aMergeNamingABridgedLegOutsideTheCallIsRefused() {
        connect();
        UUID b = answeredParticipant();

        assertInvalid(() -> threeWay.merge(admin(acme), m, b, UUID.randomUUID(), null), "bridgedLegA");
    }

    @Test
    void aMergeSentOnTheParticipantsAnswerBeforeTheSessionFollowedItMerges() {
        connect();
        UUID b = threeWay.addParticipant(admin(acme), m, null, "1003").newCallUuid();
        // Live state has B answered (the client was told so); the session has not followed the event yet.
        live.put(leg(b, "1003", m));
        media.listJoinedMembers();

        MergedCall merged = threeWay.merge(admin(acme), m, b, a, "huddle");

        assertThat(merged.participants()).extracting(ThreeWayParticipant::uuid).containsExactly(m, a, b);
        assertThat(store.findByLeg(acme.id(), m)).hasValueSatisfying(session -> assertThat(session.state())
                .isEqualTo(new ThreeWayState.Merged(a, b, "huddle")));
    }

    @Test
    void mergingWhileTheParticipantStillRingsIsInvalidState() {
        connect();
        UUID b = threeWay.addParticipant(admin(acme), m, null, "1003").newCallUuid();
        live.put(new LiveChannel(b, b, acme.id(), "1003", "1001", "Agent", "1003", CallDirection.INTERNAL, false,
                false, NOW, null, null, null, null));
        media.commands.clear();

        assertRefusedWithCode(() -> threeWay.merge(admin(acme), m, b, a, "huddle"), "INVALID_STATE");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void mergingACallNobodyWasAddedToIsInvalidState() {
        connect();

        assertRefusedWithCode(() -> threeWay.merge(admin(acme), m, a, null, null), "INVALID_STATE");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void ofTwoMergesAtOnceOneJoinsTheRoomAndTheOtherIsInvalidState() throws Exception {
        connect();
        UUID b = answeredParticipant();
        media.commands.clear();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(pool.submit((Callable<String>) () -> {
                    go.await();
                    try {
                        return threeWay.merge(admin(acme), m, b, null, null).conferenceName();
                    } catch (DomainException refused) {
                        return refused.code();
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }

            assertThat(results).filteredOn("INVALID_STATE"::equals).hasSize(1);
            assertThat(media.commands).filteredOn(c -> c.startsWith("join " + m)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void kickingAnUnknownMemberOfAThreeWayConferenceIsRefused() {
        connect();
        UUID b = answeredParticipant();
        threeWay.merge(admin(acme), m, b, null, "huddle");
        media.commands.clear();

        assertRefusedWithCode(() -> threeWay.kick(admin(acme), "huddle", "42"), "MEMBER_NOT_FOUND");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void hangingUpALegOutsideAnyThreeWayCallIsAPlainHangup() {
        connect();

        threeWay.hangup(admin(acme), a);

        assertThat(media.commands).containsExactly("hangup " + a);
    }

    @Test
    void aLegOfOneThreeWayCallCannotModerateAnother() {
        connect();
        UUID b = threeWay.addParticipant(admin(acme), m, null, "1003").newCallUuid();
        live.put(leg(b, "1003", a));

        assertRefusedWithCode(() -> threeWay.addParticipant(admin(acme), b, "+15550100111", null), "INVALID_STATE");
    }

    // ---------------------------------------------------------------- helpers

    /** The agent's leg m (1001) talking to the customer's leg a (1002). */
    private void connect() {
        live.put(leg(m, "1001", a));
        live.put(leg(a, "1002", m));
    }

    /** Adds 1003 and reports it answered: the session is CONSULT_ANSWERED. */
    private UUID answeredParticipant() {
        UUID b = threeWay.addParticipant(admin(acme), m, null, "1003").newCallUuid();
        live.put(leg(b, "1003", m));
        follow.accept(new MediaEvent.ChannelAnswered(b, NOW));
        return b;
    }

    private LiveChannel leg(UUID uuid, String extension, UUID bridgedTo) {
        return new LiveChannel(uuid, m, acme.id(), extension, "1001", "Agent", extension, CallDirection.INTERNAL,
                true, false, NOW, NOW, bridgedTo, null, null);
    }
}
