package com.cloudpbx.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import com.cloudpbx.core.idempotency.port.IdempotencyStore.Slot;
import com.cloudpbx.core.idempotency.port.IdempotencyStore.StoredOutcome;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} must do; adapters extend this with their own store. */
public abstract class IdempotencyStoreContract {

    // Whole seconds, so every store keeps the instants it is given exactly.
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant LEASE_CUTOFF = NOW.minusSeconds(60);
    private static final Instant RETENTION_CUTOFF = NOW.minusSeconds(86_400);

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private final TenantId globex = TenantId.of(UUID.randomUUID());
    private IdempotencyStore store;

    /** A store holding no keys. */
    protected abstract IdempotencyStore newStore();

    @BeforeEach
    void anEmptyStore() {
        store = newStore();
    }

    private Slot alices(String key) {
        return new Slot(alice, Optional.of(acme), key);
    }

    @Test
    void aReservedKeyIsPendingUntilCompletedWithItsResponse() {
        assertThat(store.reserve(alices("order-1"), "sha256:aa", NOW)).isTrue();
        assertThat(store.find(alices("order-1")).orElseThrow().completed()).isFalse();

        store.complete(alices("order-1"), NOW, 201, "{\"id\":\"x\"}");

        StoredOutcome found = store.find(alices("order-1")).orElseThrow();
        assertThat(found.fingerprint()).isEqualTo("sha256:aa");
        assertThat(found.status()).isEqualTo(201);
        assertThat(found.body()).isEqualTo("{\"id\":\"x\"}");
        assertThat(found.createdAt()).isEqualTo(NOW);
    }

    @Test
    void anUnknownKeyHasNoResponse() {
        assertThat(store.find(alices("never-sent"))).isEmpty();
    }

    @Test
    void onlyTheFirstReservationOfAKeyWins() {
        store.reserve(alices("order-1"), "sha256:aa", NOW);

        assertThat(store.reserve(alices("order-1"), "sha256:bb", NOW)).isFalse();
        assertThat(store.find(alices("order-1")).orElseThrow().fingerprint()).isEqualTo("sha256:aa");
    }

    @Test
    void aCompletedKeyCannotBeReservedAgain() {
        store.reserve(alices("order-1"), "sha256:aa", NOW);
        store.complete(alices("order-1"), NOW, 200, "{}");

        assertThat(store.reserve(alices("order-1"), "sha256:aa", NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void keysBelongToThePrincipalThatSentThem() {
        store.reserve(alices("order-1"), "sha256:aa", NOW);

        assertThat(store.reserve(new Slot(bob, Optional.of(acme), "order-1"), "sha256:bb", NOW)).isTrue();
    }

    @Test
    void keysBelongToTheTenantTheyWereSentIn() {
        store.reserve(alices("order-1"), "sha256:aa", NOW);
        store.complete(alices("order-1"), NOW, 200, "{\"tenant\":\"acme\"}");

        Slot inGlobex = new Slot(alice, Optional.of(globex), "order-1");
        Slot inNoTenant = new Slot(alice, Optional.empty(), "order-1");

        assertThat(store.find(inGlobex)).isEmpty();
        assertThat(store.find(inNoTenant)).isEmpty();
        assertThat(store.reserve(inGlobex, "sha256:aa", NOW)).isTrue();
        assertThat(store.reserve(inNoTenant, "sha256:aa", NOW)).isTrue();
        assertThat(store.reserve(inNoTenant, "sha256:aa", NOW)).isFalse();
    }

    @Test
    void aReleasedKeyCanBeReservedAgain() {
        store.reserve(alices("order-1"), "sha256:aa", NOW);

        store.release(alices("order-1"), NOW);

        assertThat(store.find(alices("order-1"))).isEmpty();
        assertThat(store.reserve(alices("order-1"), "sha256:aa", NOW)).isTrue();
    }

    @Test
    void releasingLeavesANewerReservationOfTheKeyAlone() {
        store.reserve(alices("order-1"), "sha256:aa", NOW);

        store.release(alices("order-1"), NOW.minusSeconds(120));

        assertThat(store.find(alices("order-1"))).isPresent();
    }

    @Test
    void releasingAKeyNobodyReservedChangesNothing() {
        store.release(alices("never-sent"), NOW);

        assertThat(store.find(alices("never-sent"))).isEmpty();
    }

    @Test
    void completingAReservationThatWasTakenOverChangesNothing() {
        store.reserve(alices("order-1"), "sha256:aa", NOW);

        store.complete(alices("order-1"), NOW.minusSeconds(120), 200, "{\"late\":true}");

        assertThat(store.find(alices("order-1")).orElseThrow().completed()).isFalse();
    }

    @Test
    void completingAReleasedReservationStoresNothing() {
        store.reserve(alices("order-1"), "sha256:aa", NOW);
        store.release(alices("order-1"), NOW);

        store.complete(alices("order-1"), NOW, 200, "{}");

        assertThat(store.find(alices("order-1"))).isEmpty();
    }

    @Test
    void aPendingReservationOlderThanTheLeaseIsStale() {
        store.reserve(alices("crashed"), "h", LEASE_CUTOFF.minusSeconds(1));

        store.releaseStale(alices("crashed"), LEASE_CUTOFF, RETENTION_CUTOFF);

        assertThat(store.find(alices("crashed"))).isEmpty();
    }

    @Test
    void aPendingReservationWithinTheLeaseIsKept() {
        store.reserve(alices("running"), "h", LEASE_CUTOFF.plusSeconds(1));

        store.releaseStale(alices("running"), LEASE_CUTOFF, RETENTION_CUTOFF);

        assertThat(store.find(alices("running"))).isPresent();
    }

    @Test
    void aCompletedResponseIsKeptPastTheLease() {
        store.reserve(alices("done"), "h", LEASE_CUTOFF.minusSeconds(1));
        store.complete(alices("done"), LEASE_CUTOFF.minusSeconds(1), 200, "{}");

        store.releaseStale(alices("done"), LEASE_CUTOFF, RETENTION_CUTOFF);

        assertThat(store.find(alices("done"))).isPresent();
    }

    @Test
    void aCompletedResponseIsFreedOnceTheRetentionEnds() {
        store.reserve(alices("expired"), "h", RETENTION_CUTOFF.minusSeconds(1));
        store.complete(alices("expired"), RETENTION_CUTOFF.minusSeconds(1), 200, "{}");

        store.releaseStale(alices("expired"), LEASE_CUTOFF, RETENTION_CUTOFF);

        assertThat(store.find(alices("expired"))).isEmpty();
    }

    @Test
    void releasingStaleKeysFreesOnlyTheSlotAsked() {
        store.reserve(alices("crashed"), "h", LEASE_CUTOFF.minusSeconds(1));
        store.reserve(alices("also-crashed"), "h", LEASE_CUTOFF.minusSeconds(1));

        store.releaseStale(alices("crashed"), LEASE_CUTOFF, RETENTION_CUTOFF);

        assertThat(store.find(alices("also-crashed"))).isPresent();
    }

    @Test
    void purgingDeletesOnlyEntriesCreatedBeforeTheCutoff() {
        store.reserve(alices("old"), "h", NOW.minusSeconds(90_000));
        store.reserve(alices("new"), "h", NOW);

        store.purgeOlderThan(NOW.minusSeconds(86_400));

        assertThat(store.find(alices("old"))).isEmpty();
        assertThat(store.find(alices("new"))).isPresent();
    }

    @Test
    void purgingDeletesCompletedAndPendingEntriesOfEveryPrincipal() {
        Slot bobs = new Slot(bob, Optional.empty(), "old");
        store.reserve(alices("old"), "h", NOW.minusSeconds(90_000));
        store.complete(alices("old"), NOW.minusSeconds(90_000), 200, "{}");
        store.reserve(bobs, "h", NOW.minusSeconds(90_000));

        store.purgeOlderThan(NOW.minusSeconds(86_400));

        assertThat(store.find(alices("old"))).isEmpty();
        assertThat(store.find(bobs)).isEmpty();
    }
}
