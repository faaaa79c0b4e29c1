package com.cloudpbx.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.idempotency.Idempotency.Outcome;
import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final String KEY = "hangup-1";
    private static final String FINGERPRINT = "POST /api/calls/x/hangup";

    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private final TenantId globex = TenantId.of(UUID.randomUUID());
    private final Principal superadmin =
            new Principal(UUID.randomUUID(), PrincipalKind.SUPERADMIN, Role.SUPERADMIN, null, null, Set.of());
    private final MapIdempotencyStore store = new MapIdempotencyStore();
    private final AtomicInteger runs = new AtomicInteger();
    private final MovableClock clock = new MovableClock(T0);
    private final Idempotency idempotency = new Idempotency(store, clock, LEASE);

    private Actor superadminIn(TenantId tenant) {
        return Actor.resolve(superadmin, Optional.ofNullable(tenant), "127.0.0.1");
    }

    private Outcome hangup(Actor actor) {
        return idempotency.once(actor, KEY, FINGERPRINT,
                () -> new Outcome(200, "{\"run\":" + runs.incrementAndGet() + ",\"tenant\":\"" + actor.tenant() + "\"}"));
    }

    /** What a request that died between reserving its key and completing it leaves behind. */
    private void crashedRequestIn(TenantId tenant) {
        store.reserve(new IdempotencyStore.Slot(superadmin.id(), Optional.ofNullable(tenant), KEY), FINGERPRINT, clock.instant());
    }

    @Test
    void aRepeatInTheSameTenantGetsTheFirstResponseWithoutRunningAgain() {
        Outcome first = hangup(superadminIn(acme));

        Outcome repeat = hangup(superadminIn(acme));

        assertThat(repeat).isEqualTo(first);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aSuperadminRepeatingAKeyInAnotherTenantRunsTheCommandThere() {
        Outcome inAcme = hangup(superadminIn(acme));

        Outcome inGlobex = hangup(superadminIn(globex));

        assertThat(runs).hasValue(2);
        assertThat(inGlobex.body()).contains(globex.toString()).doesNotContain(acme.toString());
        assertThat(inAcme.body()).contains(acme.toString());
    }

    @Test
    void aSuperadminActingInNoTenantHasKeysApartFromItsKeysInATenant() {
        hangup(superadminIn(acme));

        hangup(superadminIn(null));

        assertThat(runs).hasValue(2);
    }

    @Test
    void aRepeatWithinTheLeaseOfARequestStillRunningIsRefusedAsInUse() {
        crashedRequestIn(acme);
        clock.set(T0.plus(LEASE).minusSeconds(1));

        assertThatThrownBy(() -> hangup(superadminIn(acme))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE"));
        assertThat(runs).hasValue(0);
    }

    @Test
    void aKeyHeldByARequestThatDiedIsReleasedOnceTheLeaseRunsOut() {
        crashedRequestIn(acme);
        clock.set(T0.plus(LEASE).plusSeconds(1));

        Outcome retried = hangup(superadminIn(acme));

        assertThat(runs).hasValue(1);
        assertThat(hangup(superadminIn(acme))).isEqualTo(retried);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aCompletedResponseOutlivesTheLease() {
        Outcome first = hangup(superadminIn(acme));
        clock.set(T0.plus(Duration.ofHours(23)));

        assertThat(hangup(superadminIn(acme))).isEqualTo(first);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aCompletedResponseIsForgottenAfter24Hours() {
        hangup(superadminIn(acme));
        clock.set(T0.plus(Idempotency.RETENTION).plusSeconds(1));

        hangup(superadminIn(acme));

        assertThat(runs).hasValue(2);
    }

    @Test
    void aCommandThatThrowsFreesItsKeyAtOnce() {
        assertThatThrownBy(() -> idempotency.once(superadminIn(acme), KEY, FINGERPRINT, () -> {
            throw DomainException.badRequest("CALL_NOT_FOUND", "gone");
        })).isInstanceOf(DomainException.class);

        hangup(superadminIn(acme));

        assertThat(runs).hasValue(1);
    }
}
