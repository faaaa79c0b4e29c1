package com.cloudpbx.storage.postgres.identity;

import static com.cloudpbx.storage.postgres.schema.Tables.API_KEYS;

import com.cloudpbx.core.identity.ApiKey;
import com.cloudpbx.core.identity.ApiKeyStatus;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.Scope;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.Columns;
import com.cloudpbx.storage.postgres.Enums;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * API keys in PostgreSQL, found by the hash of their full text. Scopes are a {@code text[]} of
 * their wire names ({@code calls:read}), so the column reads the same as the API.
 */
@Singleton
@Connectable
public class JdbcApiKeyRepository implements ApiKeyRepository {

    /** The batch of {@link #recordLastUsed} as a table: its alias and its two columns. */
    private static final String BATCH = "u";
    private static final String BATCH_ID = "id";
    private static final String BATCH_AT = "at";

    private final DSLContext dsl;

    public JdbcApiKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(ApiKey key) {
        UniqueViolations.translate(() -> dsl.insertInto(API_KEYS)
                        .set(API_KEYS.ID, key.id())
                        .set(API_KEYS.TENANT_ID, tenantOf(key))
                        .set(API_KEYS.NAME, key.name())
                        .set(API_KEYS.ROLE, key.role().wireName())
                        .set(API_KEYS.SCOPES, scopeNames(key.scopes()))
                        .set(API_KEYS.EXTENSION_ID, key.extensionId())
                        .set(API_KEYS.KEY_HASH, key.keyHash())
                        .set(API_KEYS.KEY_LAST8, key.last8())
                        .set(API_KEYS.STATUS, key.status().wireName())
                        .set(API_KEYS.EXPIRES_AT, key.expiresAt())
                        .set(API_KEYS.LAST_USED_AT, key.lastUsedAt())
                        .set(API_KEYS.CREATED_BY, key.createdBy())
                        .set(API_KEYS.CREATED_AT, Columns.valueOrDefault(key.createdAt(), API_KEYS.CREATED_AT))
                        .set(API_KEYS.REVOKED_AT,
                                key.status() == ApiKeyStatus.REVOKED ? DSL.currentInstant() : noTime())
                        .execute(),
                () -> "An active API key named '" + key.name() + "' already exists");
    }

    @Override
    public boolean replaceSecret(UUID id, String currentHash, String newHash, String newLast8) {
        return dsl.update(API_KEYS)
                .set(API_KEYS.KEY_HASH, newHash)
                .set(API_KEYS.KEY_LAST8, newLast8)
                .where(API_KEYS.ID.eq(id))
                .and(API_KEYS.STATUS.eq(ApiKeyStatus.ACTIVE.wireName()))
                .and(API_KEYS.KEY_HASH.eq(currentHash))
                .execute() == 1;
    }

    @Override
    public Optional<String> revoke(UUID id) {
        return dsl.update(API_KEYS)
                .set(API_KEYS.STATUS, ApiKeyStatus.REVOKED.wireName())
                .set(API_KEYS.REVOKED_AT, DSL.currentInstant())
                .where(API_KEYS.ID.eq(id))
                .and(API_KEYS.STATUS.eq(ApiKeyStatus.ACTIVE.wireName()))
                .returningResult(API_KEYS.KEY_HASH)
                .fetchOptional(API_KEYS.KEY_HASH);
    }

    @Override
    public Optional<ApiKey> findById(TenantId tenant, UUID id) {
        return dsl.select(API_KEYS.fields()).from(API_KEYS)
                .where(API_KEYS.TENANT_ID.eq(tenant.value()).and(API_KEYS.ID.eq(id)))
                .fetchOptional(JdbcApiKeyRepository::toApiKey);
    }

    @Override
    public Optional<ApiKey> findByIdInAnyTenant(UUID id) {
        return dsl.select(API_KEYS.fields()).from(API_KEYS).where(API_KEYS.ID.eq(id))
                .fetchOptional(JdbcApiKeyRepository::toApiKey);
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return dsl.select(API_KEYS.fields()).from(API_KEYS).where(API_KEYS.KEY_HASH.eq(keyHash))
                .fetchOptional(JdbcApiKeyRepository::toApiKey);
    }

    /** Names compare ignoring case, as the unique index on active names does. */
    @Override
    public boolean existsActiveName(Optional<TenantId> tenant, String name) {
        return dsl.fetchExists(API_KEYS, inTenant(tenant)
                .and(DSL.lower(API_KEYS.NAME).eq(DSL.lower(DSL.val(name))))
                .and(API_KEYS.STATUS.eq(ApiKeyStatus.ACTIVE.wireName())));
    }

    @Override
    public List<ApiKey> list(Optional<TenantId> tenant) {
        Condition scope = tenant.map(t -> API_KEYS.TENANT_ID.eq(t.value())).orElse(DSL.noCondition());
        return dsl.select(API_KEYS.fields()).from(API_KEYS).where(scope)
                .orderBy(API_KEYS.CREATED_AT.desc(), API_KEYS.ID.desc())
                .fetch(JdbcApiKeyRepository::toApiKey);
    }

    /**
     * One UPDATE for the whole batch, joined against the batch unnested as (id, at); the WHERE
     * keeps a later use already written (by this or another node) from being moved back.
     */
    @Override
    public void recordLastUsed(Map<UUID, Instant> lastUse) {
        if (lastUse.isEmpty()) {
            return;
        }
        var entries = List.copyOf(lastUse.entrySet());
        UUID[] ids = entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        OffsetDateTime[] ats = entries.stream().map(e -> e.getValue().atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        Table<?> batch = DSL.table("unnest({0}, {1})",
                        DSL.val(ids, SQLDataType.UUID.array()),
                        DSL.val(ats, SQLDataType.TIMESTAMPWITHTIMEZONE.array()))
                .as(BATCH, BATCH_ID, BATCH_AT);
        Field<UUID> batchId = DSL.field(DSL.name(BATCH, BATCH_ID), SQLDataType.UUID);
        Field<Instant> batchAt = DSL.field(DSL.name(BATCH, BATCH_AT), SQLDataType.INSTANT);
        dsl.update(API_KEYS)
                .set(API_KEYS.LAST_USED_AT, batchAt)
                .from(batch)
                .where(API_KEYS.ID.eq(batchId))
                .and(API_KEYS.LAST_USED_AT.isNull().or(API_KEYS.LAST_USED_AT.lt(batchAt)))
                .execute();
    }

    private static Condition inTenant(Optional<TenantId> tenant) {
        return tenant.map(t -> API_KEYS.TENANT_ID.eq(t.value())).orElse(API_KEYS.TENANT_ID.isNull());
    }

    private static Field<Instant> noTime() {
        return DSL.val((Instant) null, API_KEYS.REVOKED_AT);
    }

    private static UUID tenantOf(ApiKey key) {
        return key.tenant() == null ? null : key.tenant().value();
    }

    private static String[] scopeNames(Set<Scope> scopes) {
        return scopes.stream().map(Scope::wireName).sorted().toArray(String[]::new);
    }

    private static ApiKey toApiKey(Record row) {
        UUID tenant = row.get(API_KEYS.TENANT_ID);
        Set<Scope> scopes = Arrays.stream(row.get(API_KEYS.SCOPES))
                .map(name -> Scope.parse(name, "scopes"))
                .collect(Collectors.toUnmodifiableSet());
        return new ApiKey(row.get(API_KEYS.ID), tenant == null ? null : TenantId.of(tenant), row.get(API_KEYS.NAME),
                Role.parse(row.get(API_KEYS.ROLE), "role"), scopes, row.get(API_KEYS.EXTENSION_ID),
                row.get(API_KEYS.KEY_HASH), row.get(API_KEYS.KEY_LAST8),
                Enums.fromColumn(ApiKeyStatus.class, row.get(API_KEYS.STATUS)), row.get(API_KEYS.EXPIRES_AT),
                row.get(API_KEYS.LAST_USED_AT), row.get(API_KEYS.CREATED_BY), row.get(API_KEYS.CREATED_AT));
    }
}
