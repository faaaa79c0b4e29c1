package com.cloudpbx.core.idempotency;

import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An idempotency store in a map, with the conditional semantics of the port. */
final class MapIdempotencyStore implements IdempotencyStore {

    private final Map<Slot, StoredOutcome> rows = new HashMap<>();

    @Override
    public synchronized boolean reserve(Slot slot, String fingerprint, Instant at) {
        return rows.putIfAbsent(slot, new StoredOutcome(fingerprint, null, null, at)) == null;
    }

    @Override
    public synchronized Optional<StoredOutcome> find(Slot slot) {
        return Optional.ofNullable(rows.get(slot));
    }

    @Override
    public synchronized void complete(Slot slot, Instant reservedAt, int status, String body) {
        rows.computeIfPresent(slot, (s, row) -> row.createdAt().equals(reservedAt)
                ? new StoredOutcome(row.fingerprint(), status, body, row.createdAt()) : row);
    }

    @Override
    public synchronized void release(Slot slot, Instant reservedAt) {
        rows.computeIfPresent(slot, (s, row) -> row.createdAt().equals(reservedAt) ? null : row);
    }

    @Override
    public synchronized void releaseStale(Slot slot, Instant leaseCutoff, Instant retentionCutoff) {
        rows.computeIfPresent(slot, (s, row) -> (!row.completed() && row.createdAt().isBefore(leaseCutoff))
                || row.createdAt().isBefore(retentionCutoff) ? null : row);
    }

    @Override
    public synchronized void purgeOlderThan(Instant cutoff) {
        rows.values().removeIf(row -> row.createdAt().isBefore(cutoff));
    }
}
