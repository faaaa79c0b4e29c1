package com.cloudpbx.storage.postgres.identity;

import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.COLUMNS;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.API_KEYS;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.CREATED_AT;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.CREATED_BY;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.EXPIRES_AT;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.EXTENSION_ID;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.ID;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.KEY_HASH;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.KEY_LAST8;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.LAST_USED_AT;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.NAME;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.REVOKED_AT;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.ROLE;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.SCOPES;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.STATUS;
import static com.cloudpbx.storage.postgres.identity.ApiKeysTable.TENANT_ID;

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
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * API keys in PostgreSQL, found by the hash of their full text. Scopes are a {@code text[]} of
 * their wire names ({@code calls:read}), so the column reads the same as the API.
 */
@Singleton
@Connectable
public class JdbcApiKeyRepository implements ApiKeyRepository {

    private final DSLContext dsl;

    public JdbcApiKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(ApiKey key) {
        UniqueViolations.translate(() -> dsl.insertInto(API_KEYS)
                        .set(ID, key.id())
                        .set(TENANT_ID, tenantOf(key))
                        .set(NAME, key.name())
                        .set(ROLE, key.role().wireName())
                        .set(SCOPES, scopeNames(key.scopes()))
                        .set(EXTENSION_ID, key.extensionId())
                        .set(KEY_HASH, key.keyHash())
                        .set(KEY_LAST8, key.last8())
                        .set(STATUS, key.status().wireName())
                        .set(EXPIRES_AT, key.expiresAt())
                        .set(LAST_USED_AT, key.lastUsedAt())
                        .set(CREATED_BY, key.createdBy())
                        .set(CREATED_AT, Columns.valueOrDefault(key.createdAt(), CREATED_AT))
                        .set(REVOKED_AT, key.status() == ApiKeyStatus.REVOKED ? DSL.currentInstant() : noTime())
                        .execute(),
                () -> "An active API key named '" + key.name() + "' already exists");
    }

    @Override
    public boolean replaceSecret(UUID id, String currentHash, String newHash, String newLast8) {
        return dsl.update(API_KEYS)
                .set(KEY_HASH, newHash)
                .set(KEY_LAST8, newLast8)
                .where(ID.eq(id))
                .and(STATUS.eq(ApiKeyStatus.ACTIVE.wireName()))
                .and(KEY_HASH.eq(currentHash))
                .execute() == 1;
    }

    @Override
    public Optional<String> revoke(UUID id) {
        return dsl.update(API_KEYS)
                .set(STATUS, ApiKeyStatus.REVOKED.wireName())
                .set(REVOKED_AT, DSL.currentInstant())
                .where(ID.eq(id))
                .and(STATUS.eq(ApiKeyStatus.ACTIVE.wireName()))
                .returningResult(KEY_HASH)
                .fetchOptional(KEY_HASH);
    }

    @Override
    public Optional<ApiKey> findById(TenantId tenant, UUID id) {
        return dsl.select(COLUMNS).from(API_KEYS).where(TENANT_ID.eq(tenant.value()).and(ID.eq(id)))
                .fetchOptional(JdbcApiKeyRepository::toApiKey);
    }

    @Override
    public Optional<ApiKey> findByIdInAnyTenant(UUID id) {
        return dsl.select(COLUMNS).from(API_KEYS).where(ID.eq(id)).fetchOptional(JdbcApiKeyRepository::toApiKey);
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return dsl.select(COLUMNS).from(API_KEYS).where(KEY_HASH.eq(keyHash))
                .fetchOptional(JdbcApiKeyRepository::toApiKey);
    }

    /** Names compare ignoring case, as the unique index on active names does. */
    @Override
    public boolean existsActiveName(Optional<TenantId> tenant, String name) {
        return dsl.fetchExists(API_KEYS, inTenant(tenant)
                .and(DSL.lower(NAME).eq(DSL.lower(DSL.val(name))))
                .and(STATUS.eq(ApiKeyStatus.ACTIVE.wireName())));
    }

    @Override
    public List<ApiKey> list(Optional<TenantId> tenant) {
        Condition scope = tenant.map(t -> TENANT_ID.eq(t.value())).orElse(DSL.noCondition());
        return dsl.select(COLUMNS).from(API_KEYS).where(scope).orderBy(CREATED_AT.desc(), ID.desc())
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
        dsl.execute("""
                        UPDATE api_keys AS k SET last_used_at = u.at
                        FROM unnest({0}, {1}) AS u(id, at)
                        WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)""",
                DSL.val(ids, SQLDataType.UUID.array()),
                DSL.val(ats, SQLDataType.TIMESTAMPWITHTIMEZONE.array()));
    }

    private static Condition inTenant(Optional<TenantId> tenant) {
        return tenant.map(t -> TENANT_ID.eq(t.value())).orElse(TENANT_ID.isNull());
    }

    private static Field<Instant> noTime() {
        return DSL.val((Instant) null, REVOKED_AT);
    }

    private static UUID tenantOf(ApiKey key) {
        return key.tenant() == null ? null : key.tenant().value();
    }

    private static String[] scopeNames(Set<Scope> scopes) {
        return scopes.stream().map(Scope::wireName).sorted().toArray(String[]::new);
    }

    private static ApiKey toApiKey(Record row) {
        UUID tenant = row.get(TENANT_ID);
        Set<Scope> scopes = Arrays.stream(row.get(SCOPES))
                .map(name -> Scope.parse(name, "scopes"))
                .collect(Collectors.toUnmodifiableSet());
        return new ApiKey(row.get(ID), tenant == null ? null : TenantId.of(tenant), row.get(NAME),
                Role.parse(row.get(ROLE), "role"), scopes, row.get(EXTENSION_ID), row.get(KEY_HASH),
                row.get(KEY_LAST8), Enums.fromColumn(ApiKeyStatus.class, row.get(STATUS)), row.get(EXPIRES_AT),
                row.get(LAST_USED_AT), row.get(CREATED_BY), row.get(CREATED_AT));
    }
}
