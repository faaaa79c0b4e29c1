package com.cloudpbx.storage.postgres.idempotency;

import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.CREATED_AT;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.IDEMPOTENCY_KEYS;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.KEY;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.PRINCIPAL_ID;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.REQUEST_HASH;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.RESPONSE_BODY;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.RESPONSE_STATUS;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.TENANT_SCOPE;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.isSlot;

import com.cloudpbx.core.idempotency.port.IdempotencyStore.Slot;
import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import com.cloudpbx.storage.postgres.Timestamps;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Responses kept per (principal, tenant acted in, idempotency key) in PostgreSQL. The primary key decides between
 * two requests racing with the same key: the first reserves it, the second learns it lost.
 */
@Singleton
@Connectable
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final DSLContext dsl;

    public JdbcIdempotencyStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean reserve(Slot slot, String fingerprint, Instant at) {
        return dsl.insertInto(IDEMPOTENCY_KEYS)
                .set(PRINCIPAL_ID, slot.principal())
                .set(TENANT_SCOPE, IdempotencyKeysTable.tenantScope(slot))
                .set(KEY, slot.key())
                .set(REQUEST_HASH, fingerprint)
                .set(CREATED_AT, Timestamps.ceilToMicros(at))
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public Optional<StoredOutcome> find(Slot slot) {
        return dsl.select(REQUEST_HASH, RESPONSE_STATUS, RESPONSE_BODY, CREATED_AT)
                .from(IDEMPOTENCY_KEYS)
                .where(isSlot(slot))
                .fetchOptional(row -> new StoredOutcome(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    @Override
    public void complete(Slot slot, Instant reservedAt, int status, String body) {
        dsl.update(IDEMPOTENCY_KEYS)
                .set(RESPONSE_STATUS, status)
                .set(RESPONSE_BODY, body)
                .where(isSlot(slot).and(CREATED_AT.eq(Timestamps.ceilToMicros(reservedAt))))
                .execute();
    }

    @Override
    public void release(Slot slot, Instant reservedAt) {
        dsl.deleteFrom(IDEMPOTENCY_KEYS)
                .where(isSlot(slot).and(CREATED_AT.eq(Timestamps.ceilToMicros(reservedAt))))
                .execute();
    }

    /** One conditional delete, so of two repeats finding a stale key only one frees it. */
    @Override
    public void releaseStale(Slot slot, Instant leaseCutoff, Instant retentionCutoff) {
        dsl.deleteFrom(IDEMPOTENCY_KEYS)
                .where(isSlot(slot))
                .and(RESPONSE_STATUS.isNull().and(CREATED_AT.lt(Timestamps.ceilToMicros(leaseCutoff)))
                        .or(CREATED_AT.lt(Timestamps.ceilToMicros(retentionCutoff))))
                .execute();
    }

    /** Deletes entries created before the instant; the created_at index keeps this off the table scan. */
    @Override
    public void purgeOlderThan(Instant cutoff) {
        dsl.deleteFrom(IDEMPOTENCY_KEYS).where(CREATED_AT.lt(Timestamps.ceilToMicros(cutoff))).execute();
    }
}
