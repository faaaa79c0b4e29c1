package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ParkSlots} does; each adapter's test extends this. */
public abstract class ParkSlotsContract {

    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private final TenantId globex = TenantId.of(UUID.randomUUID());
    private ParkSlots slots;

    /** Park slots all free; called before every test. */
    protected abstract ParkSlots newSlots();

    @BeforeEach
    void startEmpty() {
        slots = newSlots();
    }

    @Test
    void aParkSlotIsHeldByTheFirstLegThatClaimsIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(slots.claim(acme, "701", first)).isTrue();
        assertThat(slots.claim(acme, "701", second)).isFalse();

        assertThat(slots.parkedIn(acme, "701")).contains(first);
        assertThat(slots.parkedIn(acme, "702")).isEmpty();
    }

    @Test
    void theHolderClaimingItsSlotAgainStillHoldsIt() {
        UUID leg = UUID.randomUUID();
        slots.claim(acme, "701", leg);

        assertThat(slots.claim(acme, "701", leg)).isTrue();
        assertThat(slots.parkedIn(acme, "701")).contains(leg);
    }

    @Test
    void theSameSlotInTwoTenantsIsTwoSlots() {
        UUID acmeLeg = UUID.randomUUID();
        UUID globexLeg = UUID.randomUUID();

        assertThat(slots.claim(acme, "701", acmeLeg)).isTrue();
        assertThat(slots.claim(globex, "701", globexLeg)).isTrue();

        assertThat(slots.parkedIn(acme, "701")).contains(acmeLeg);
        assertThat(slots.parkedIn(globex, "701")).contains(globexLeg);
    }

    @Test
    void releasingASlotFreesItForAnotherLegAndLeavesOtherTenantsAlone() {
        UUID first = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        UUID globexLeg = UUID.randomUUID();
        slots.claim(acme, "701", first);
        slots.claim(globex, "701", globexLeg);

        slots.release(acme, "701");

        assertThat(slots.parkedIn(acme, "701")).isEmpty();
        assertThat(slots.claim(acme, "701", next)).isTrue();
        assertThat(slots.parkedIn(acme, "701")).contains(next);
        assertThat(slots.parkedIn(globex, "701")).contains(globexLeg);
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
                    return slots.claim(acme, "701", leg);
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
            assertThat(slots.parkedIn(acme, "701")).contains(winners.getFirst());
        } finally {
            pool.shutdownNow();
        }
    }
}
