package com.cloudpbx.core.idempotency;

import com.cloudpbx.core.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a command at most once per (principal, Idempotency-Key) within 24 hours: a repeat gets the
 * first response without a second effect, the same key with another request is a 409. The key is
 * reserved before the command runs, so two concurrent repeats cannot both run it.
 */
public final class Idempotency {

    public static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final Clock clock;

    public Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The response of a command: HTTP status and body as sent. */
    public record Outcome(int status, String body) {
    }

    public Outcome once(UUID principal, String key, String fingerprint, Supplier<Outcome> command) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw DomainException.invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        Instant now = clock.instant();
        Optional<IdempotencyStore.StoredOutcome> earlier = store.find(principal, key)
                .filter(e -> e.createdAt().isAfter(now.minus(RETENTION)));
        if (earlier.isEmpty()) {
            store.find(principal, key).ifPresent(expired -> store.release(principal, key));
            if (store.reserve(principal, key, fingerprint, now)) {
                return run(principal, key, command);
            }
            earlier = store.find(principal, key);
        }
        return replay(earlier.orElseThrow(() -> inUse()), fingerprint);
    }

    private Outcome run(UUID principal, String key, Supplier<Outcome> command) {
        Outcome outcome;
        try {
            outcome = command.get();
        } catch (RuntimeException failed) {
            // A refused or failed command had no effect: the client may retry it with the same key.
            store.release(principal, key);
            throw failed;
        }
        store.complete(principal, key, outcome.status(), outcome.body());
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
