package com.cloudpbx.core.calls;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.LiveCallStore;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LiveCallStore} does; each adapter's test extends this. */
public abstract class LiveCallStoreContract {

    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private final TenantId globex = TenantId.of(UUID.randomUUID());
    private LiveCallStore store;

    /** A store holding no calls; called before every test. */
    protected abstract LiveCallStore newStore();

    @BeforeEach
    void startEmpty() {
        store = newStore();
    }

    @Test
    void aPutChannelIsFoundByItsUuidWithEveryField() {
        UUID callUuid = UUID.randomUUID();
        var full = new LiveChannel(UUID.randomUUID(), callUuid, acme, "1001", "+15551230001", "Alice",
                "+15559870000", CallDirection.INBOUND, true, true, T0, T0.plusSeconds(3), UUID.randomUUID(), "701",
                "sales-room");

        store.put(full);

        assertThat(store.find(full.uuid())).contains(full);
        assertThat(store.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void putReplacesTheChannelWithTheSameUuid() {
        LiveChannel ringing = channel(acme, T0);
        LiveChannel answered = ringing.answeredAt(T0.plusSeconds(4));

        store.put(ringing);
        store.put(answered);

        assertThat(store.find(ringing.uuid())).contains(answered);
        assertThat(store.list(Optional.of(acme))).containsExactly(answered);
    }

    @Test
    void aTenantsListHoldsOnlyItsChannelsAndNoTenantMeansEveryTenant() {
        LiveChannel ours = channel(acme, T0);
        LiveChannel alsoOurs = channel(acme, T0.plusSeconds(1));
        LiveChannel theirs = channel(globex, T0.plusSeconds(2));
        store.put(ours);
        store.put(alsoOurs);
        store.put(theirs);

        assertThat(store.list(Optional.of(acme))).containsExactlyInAnyOrder(ours, alsoOurs);
        assertThat(store.list(Optional.of(globex))).containsExactly(theirs);
        assertThat(store.list(Optional.empty())).containsExactlyInAnyOrder(ours, alsoOurs, theirs);
        assertThat(store.list(Optional.of(TenantId.of(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void removeForgetsOnlyThatChannel() {
        LiveChannel gone = channel(acme, T0);
        LiveChannel kept = channel(acme, T0.plusSeconds(1));
        store.put(gone);
        store.put(kept);

        store.remove(gone.uuid());
        store.remove(UUID.randomUUID());

        assertThat(store.find(gone.uuid())).isEmpty();
        assertThat(store.list(Optional.empty())).containsExactly(kept);
    }

    @Test
    void aParkSlotIsHeldByTheFirstLegThatClaimsIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(store.claimParkSlot(acme, "701", first)).isTrue();
        assertThat(store.claimParkSlot(acme, "701", second)).isFalse();

        assertThat(store.parkedIn(acme, "701")).contains(first);
        assertThat(store.parkedIn(acme, "702")).isEmpty();
    }

    @Test
    void theHolderClaimingItsSlotAgainStillHoldsIt() {
        UUID leg = UUID.randomUUID();
        store.claimParkSlot(acme, "701", leg);

        assertThat(store.claimParkSlot(acme, "701", leg)).isTrue();
        assertThat(store.parkedIn(acme, "701")).contains(leg);
    }

    @Test
    void theSameSlotInTwoTenantsIsTwoSlots() {
        UUID acmeLeg = UUID.randomUUID();
        UUID globexLeg = UUID.randomUUID();

        assertThat(store.claimParkSlot(acme, "701", acmeLeg)).isTrue();
        assertThat(store.claimParkSlot(globex, "701", globexLeg)).isTrue();

        assertThat(store.parkedIn(acme, "701")).contains(acmeLeg);
        assertThat(store.parkedIn(globex, "701")).contains(globexLeg);
    }

    @Test
    void releasingASlotFreesItForAnotherLegAndLeavesOtherTenantsAlone() {
        UUID first = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        UUID globexLeg = UUID.randomUUID();
        store.claimParkSlot(acme, "701", first);
        store.claimParkSlot(globex, "701", globexLeg);

        store.releaseParkSlot(acme, "701");

        assertThat(store.parkedIn(acme, "701")).isEmpty();
        assertThat(store.claimParkSlot(acme, "701", next)).isTrue();
        assertThat(store.parkedIn(acme, "701")).contains(next);
        assertThat(store.parkedIn(globex, "701")).contains(globexLeg);
    }

    @Test
    void ofLegsClaimingOneSlotAtOnceExactlyOneWins() throws Exception {
        int contenders = 16;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<UUID> legs = new ArrayList<>();
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                UUID leg = UUID.randomUUID();
                legs.add(leg);
                Callable<Boolean> claim = () -> {
                    go.await();
                    return store.claimParkSlot(acme, "701", leg);
                };
                claims.add(pool.submit(claim));
            }

            go.countDown();

            List<UUID> winners = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                if (claims.get(i).get()) {
                    winners.add(legs.get(i));
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(store.parkedIn(acme, "701")).contains(winners.getFirst());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSavedTrailIsFoundReplacedAndRemoved() {
        UUID firstLeg = UUID.randomUUID();
        CallTrail begun = CallTrail.begin(new MediaEvent.ChannelCreated(firstLeg, firstLeg, acme,
                CallDirection.INBOUND, "1001", "+15551230001", "Alice", "+15559870000", T0));
        UUID otherLeg = UUID.randomUUID();
        CallTrail grown = begun.withLeg(otherLeg).legAnswered(otherLeg, T0.plusSeconds(5)).forwardedTo("1002");

        store.saveTrail(begun);
        assertThat(store.trail(begun.callUuid())).contains(begun);

        store.saveTrail(grown);
        assertThat(store.trail(begun.callUuid())).contains(grown);
        assertThat(store.trail(begun.callUuid()).orElseThrow().liveLegs())
                .isEqualTo(Set.of(begun.callUuid(), otherLeg));

        store.removeTrail(begun.callUuid());
        assertThat(store.trail(begun.callUuid())).isEmpty();
    }

    @Test
    void anUnknownCallHasNoTrail() {
        assertThat(store.trail(UUID.randomUUID())).isEmpty();
        store.removeTrail(UUID.randomUUID());
    }

    @Test
    void anEndedLegIsRememberedWithHowItEnded() {
        var hangup = new MediaEvent.ChannelHungUp(UUID.randomUUID(), "NORMAL_CLEARING", 42, 37, T0);

        store.markEnded(hangup);

        assertThat(store.endedWith(hangup.uuid())).contains(hangup);
        assertThat(store.endedWith(UUID.randomUUID())).isEmpty();
    }

    @Test
    void endingALegLeavesItsChannelToTheCaller() {
        // Removing the channel is the caller's decision: a hang-up may arrive before the leg's creation.
        LiveChannel live = channel(acme, T0);
        store.put(live);

        store.markEnded(new MediaEvent.ChannelHungUp(live.uuid(), "NORMAL_CLEARING", 10, 8, T0.plusSeconds(10)));

        assertThat(store.find(live.uuid())).contains(live);
    }

    @Test
    void aSavedTransferIsFoundByEachOfItsThreeLegs() {
        AttendedTransfer transfer = transfer();

        store.saveTransfer(transfer);

        assertThat(store.transferByLeg(transfer.transferor())).contains(transfer);
        assertThat(store.transferByLeg(transfer.party())).contains(transfer);
        assertThat(store.transferByLeg(transfer.consult())).contains(transfer);
        assertThat(store.transferByLeg(UUID.randomUUID())).isEmpty();
    }

    @Test
    void savingATransferAgainReplacesItUnderEveryLeg() {
        AttendedTransfer consulting = transfer();
        store.saveTransfer(consulting);

        store.saveTransfer(consulting.talking());

        assertThat(store.transferByLeg(consulting.party())).contains(consulting.talking());
        assertThat(store.transferByLeg(consulting.consult())).contains(consulting.talking());
    }

    @Test
    void aRemovedTransferIsFoundByNoneOfItsLegsAndOthersStay() {
        AttendedTransfer gone = transfer();
        AttendedTransfer kept = transfer();
        store.saveTransfer(gone);
        store.saveTransfer(kept);

        store.removeTransfer(gone);

        assertThat(store.transferByLeg(gone.transferor())).isEmpty();
        assertThat(store.transferByLeg(gone.party())).isEmpty();
        assertThat(store.transferByLeg(gone.consult())).isEmpty();
        assertThat(store.transferByLeg(kept.consult())).contains(kept);
    }

    private AttendedTransfer transfer() {
        return AttendedTransfer.start(acme, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }

    private static LiveChannel channel(TenantId tenant, Instant startedAt) {
        UUID uuid = UUID.randomUUID();
        return new LiveChannel(uuid, uuid, tenant, "1001", "+15551230001", "Alice", "1001", CallDirection.INBOUND,
                false, false, startedAt, null, null, null, null);
    }

    @Test
    void anEarlyHangupIsHeldUntilTakenOnce() {
        LiveCallStore store = newStore();
        UUID leg = UUID.randomUUID();
        var hangup = new MediaEvent.ChannelHungUp(leg, "NORMAL_CLEARING", 3, 1, java.time.Instant.now());

        store.holdEarlyHangup(hangup);

        org.assertj.core.api.Assertions.assertThat(store.takeEarlyHangup(leg)).contains(hangup);
        org.assertj.core.api.Assertions.assertThat(store.takeEarlyHangup(leg)).isEmpty();
    }
}
