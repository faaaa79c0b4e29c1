package com.cloudpbx.storage.postgres.idempotency;

import static com.cloudpbx.storage.postgres.schema.Tables.IDEMPOTENCY_KEYS;

import com.cloudpbx.core.idempotency.port.IdempotencyStore.Slot;
import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.Timestamps;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Responses kept per (principal, tenant acted in, idempotency key) in PostgreSQL. The primary key decides between
 * two requests racing with the same key: the first reserves it, the second learns it lost.
 */
@Singleton
@Connectable
public class JdbcIdempotencyStore implements IdempotencyStore {

    /** How a superadmin acting in no tenant is stored. */
    private static final String NO_TENANT = "*";

    private final DSLContext dsl;

    public JdbcIdempotencyStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean reserve(Slot slot, String fingerprint, Instant at) {
        return dsl.insertInto(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.PRINCIPAL_ID, slot.principal())
                .set(IDEMPOTENCY_KEYS.TENANT_SCOPE, tenantScope(slot))
                .set(IDEMPOTENCY_KEYS.KEY, slot.key())
                .set(IDEMPOTENCY_KEYS.REQUEST_HASH, fingerprint)
                .set(IDEMPOTENCY_KEYS.CREATED_AT, Timestamps.ceilToMicros(at))
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public Optional<StoredOutcome> find(Slot slot) {
        return dsl.select(IDEMPOTENCY_KEYS.REQUEST_HASH, IDEMPOTENCY_KEYS.RESPONSE_STATUS,
                        IDEMPOTENCY_KEYS.RESPONSE_BODY, IDEMPOTENCY_KEYS.CREATED_AT)
                .from(IDEMPOTENCY_KEYS)
                .where(isSlot(slot))
                .fetchOptional(row -> new StoredOutcome(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    @Override
    public void complete(Slot slot, Instant reservedAt, int status, String body) {
        dsl.update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.RESPONSE_STATUS, status)
                .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, body)
                .where(isSlot(slot).and(IDEMPOTENCY_KEYS.CREATED_AT.eq(Timestamps.ceilToMicros(reservedAt))))
                .execute();
    }

    @Override
    public void release(Slot slot, Instant reservedAt) {
        dsl.deleteFrom(IDEMPOTENCY_KEYS)
                .where(isSlot(slot).and(IDEMPOTENCY_KEYS.CREATED_AT.eq(Timestamps.ceilToMicros(reservedAt))))
                .execute();
    }

    /** One conditional delete, so of two repeats finding a stale key only one frees it. */
    @Override
    public void releaseStale(Slot slot, Instant leaseCutoff, Instant retentionCutoff) {
        dsl.deleteFrom(IDEMPOTENCY_KEYS)
                .where(isSlot(slot))
                .and(IDEMPOTENCY_KEYS.RESPONSE_STATUS.isNull()
                        .and(IDEMPOTENCY_KEYS.CREATED_AT.lt(Timestamps.ceilToMicros(leaseCutoff)))
                        .or(IDEMPOTENCY_KEYS.CREATED_AT.lt(Timestamps.ceilToMicros(retentionCutoff))))
                .execute();
    }

    /** Deletes entries created before the instant; the created_at index keeps this off the table scan. */
    @Override
    public void purgeOlderThan(Instant cutoff) {
        dsl.deleteFrom(IDEMPOTENCY_KEYS).where(IDEMPOTENCY_KEYS.CREATED_AT.lt(Timestamps.ceilToMicros(cutoff)))
                .execute();
    }

    private static String tenantScope(Slot slot) {
        return slot.tenant().map(TenantId::toString).orElse(NO_TENANT);
    }

    /** The row of the slot: the whole primary key. */
    private static Condition isSlot(Slot slot) {
        return IDEMPOTENCY_KEYS.PRINCIPAL_ID.eq(slot.principal())
                .and(IDEMPOTENCY_KEYS.TENANT_SCOPE.eq(tenantScope(slot)))
                .and(IDEMPOTENCY_KEYS.KEY.eq(slot.key()));
    }
}
