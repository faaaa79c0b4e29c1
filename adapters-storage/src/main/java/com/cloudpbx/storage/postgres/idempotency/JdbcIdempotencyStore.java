package com.cloudpbx.storage.postgres.idempotency;

import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.CREATED_AT;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.IDEMPOTENCY_KEYS;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.KEY;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.PRINCIPAL_ID;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.REQUEST_HASH;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.RESPONSE_BODY;
import static com.cloudpbx.storage.postgres.idempotency.IdempotencyKeysTable.RESPONSE_STATUS;

import com.cloudpbx.core.idempotency.IdempotencyStore;
import com.cloudpbx.storage.postgres.Timestamps;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Responses kept per (principal, idempotency key) in PostgreSQL. The primary key decides between
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
    public boolean reserve(UUID principal, String key, String fingerprint, Instant at) {
        return dsl.insertInto(IDEMPOTENCY_KEYS)
                .set(PRINCIPAL_ID, principal)
                .set(KEY, key)
                .set(REQUEST_HASH, fingerprint)
                .set(CREATED_AT, Timestamps.ceilToMicros(at))
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public Optional<StoredOutcome> find(UUID principal, String key) {
        return dsl.select(REQUEST_HASH, RESPONSE_STATUS, RESPONSE_BODY, CREATED_AT)
                .from(IDEMPOTENCY_KEYS)
                .where(PRINCIPAL_ID.eq(principal).and(KEY.eq(key)))
                .fetchOptional(row -> new StoredOutcome(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    @Override
    public void complete(UUID principal, String key, int status, String body) {
        dsl.update(IDEMPOTENCY_KEYS)
                .set(RESPONSE_STATUS, status)
                .set(RESPONSE_BODY, body)
                .where(PRINCIPAL_ID.eq(principal).and(KEY.eq(key)))
                .execute();
    }

    @Override
    public void release(UUID principal, String key) {
        dsl.deleteFrom(IDEMPOTENCY_KEYS).where(PRINCIPAL_ID.eq(principal).and(KEY.eq(key))).execute();
    }

    /** Deletes entries created before the instant; the created_at index keeps this off the table scan. */
    @Override
    public void purgeOlderThan(Instant cutoff) {
        dsl.deleteFrom(IDEMPOTENCY_KEYS).where(CREATED_AT.lt(Timestamps.ceilToMicros(cutoff))).execute();
    }
}
