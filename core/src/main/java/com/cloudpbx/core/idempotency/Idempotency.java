package com.cloudpbx.core.idempotency;

import com.cloudpbx.core.idempotency.port.IdempotencyStore.Slot;
import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a command at most once per (principal, tenant acted in, Idempotency-Key) within 24 hours:
 * a repeat gets the first response without a second effect, the same key with another request is
 * a 409. The key is reserved before the command runs, so two concurrent repeats cannot both run
 * it. A reservation whose request never finished (the process died, or the command failed in a
 * way nothing caught) is held only for a short lease, after which a repeat runs the command.
 */
public final class Idempotency {

    public static final Duration RETENTION = Duration.ofHours(24);
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration lease;

    public Idempotency(IdempotencyStore store, Clock clock, Duration lease) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lease.isNegative() || lease.isZero() || lease.compareTo(RETENTION) > 0) {
            throw new IllegalArgumentException("the lease must be positive and at most " + RETENTION);
        }
        this.lease = lease;
    }

    /** The response of a command: HTTP status and body as sent. */
    public record Outcome(int status, String body) {
    }

    public Outcome once(Actor actor, String key, String fingerprint, Supplier<Outcome> command) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw DomainException.invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        Slot slot = new Slot(actor.principalId(), actor.tenantScope(), key);
        Instant now = clock.instant();
        store.releaseStale(slot, now.minus(lease), now.minus(RETENTION));
        if (store.reserve(slot, fingerprint, now)) {
            return run(slot, now, command);
        }
        return replay(store.find(slot).orElseThrow(Idempotency::inUse), fingerprint);
    }

    private Outcome run(Slot slot, Instant reservedAt, Supplier<Outcome> command) {
        Outcome outcome;
        try {
            outcome = command.get();
        } catch (RuntimeException failed) {
            // A refused or failed command had no effect: the client may retry it with the same key.
            store.release(slot, reservedAt);
            throw failed;
        }
        store.complete(slot, reservedAt, outcome.status(), outcome.body());
        return outcome;
    }

    private static Outcome replay(IdempotencyStore.StoredOutcome earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw DomainException.conflict("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used for a different request");
        }
        if (!earlier.completed()) {
            throw inUse();
        }
        return new Outcome(earlier.status(), earlier.body());
    }

    private static DomainException inUse() {
        return DomainException.conflict("IDEMPOTENCY_KEY_IN_USE",
                "A request with this Idempotency-Key is still being processed; retry in a moment");
    }
}
