package com.cloudpbx.core.idempotency;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Port: responses remembered per (principal, key), durable so they hold across restarts and nodes. */
public interface IdempotencyStore {

    /** Reserves the key for a request with this fingerprint; false when the key is already taken. */
    boolean reserve(UUID principal, String key, String fingerprint, Instant at);

    Optional<StoredOutcome> find(UUID principal, String key);

    void complete(UUID principal, String key, int status, String body);

    void release(UUID principal, String key);

    void purgeOlderThan(Instant cutoff);

    /** A reserved key: its request's fingerprint and, once the request finished, its response. */
    record StoredOutcome(String fingerprint, Integer status, String body, Instant createdAt) {

        public boolean completed() {
            return status != null;
        }
    }
}
