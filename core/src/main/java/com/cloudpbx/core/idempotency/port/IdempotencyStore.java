package com.cloudpbx.core.idempotency.port;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: responses remembered per slot (principal, tenant acted in, key), durable so they hold
 * across restarts and nodes.
 */
public interface IdempotencyStore {

    /**
     * Whose key it is: the principal and the tenant it acted in (empty: a superadmin acting in no
     * tenant). A superadmin repeating a key in another tenant asks another tenant, so it is
     * another slot.
     */
    record Slot(UUID principal, Optional<TenantId> tenant, String key) {

        public Slot {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(key, "key");
        }
    }

    /** Reserves the slot for a request with this fingerprint at {@code at}; false when it is taken. */
    boolean reserve(Slot slot, String fingerprint, Instant at);

    Optional<StoredOutcome> find(Slot slot);

    /**
     * Stores the response of the request that reserved the slot at {@code reservedAt}; does
     * nothing when that reservation is gone (its lease ran out and another request took the slot).
     */
    void complete(Slot slot, Instant reservedAt, int status, String body);

    /** Frees the slot if it still holds the reservation made at {@code reservedAt}. */
    void release(Slot slot, Instant reservedAt);

    /**
     * Frees the slot when its reservation was made before {@code leaseCutoff} and never completed
     * (its request died), or when it was made before {@code retentionCutoff} at all.
     */
    void releaseStale(Slot slot, Instant leaseCutoff, Instant retentionCutoff);

    void purgeOlderThan(Instant cutoff);

    /** A reserved key: its request's fingerprint and, once the request finished, its response. */
    record StoredOutcome(String fingerprint, Integer status, String body, Instant createdAt) {

        public boolean completed() {
            return status != null;
        }
    }
}
