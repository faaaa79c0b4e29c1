package com.cloudpbx.core.identity.port;

import com.cloudpbx.core.identity.ApiKey;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Port: API keys, found by the hash of their full text. */
public interface ApiKeyRepository {

    void insert(ApiKey key);

    /**
     * Gives an active key a new secret, only while it is still active and still has the secret
     * {@code currentHash}; false when it was revoked, regenerated or deleted meanwhile.
     */
    boolean replaceSecret(UUID id, String currentHash, String newHash, String newLast8);

    /**
     * Revokes the key if it is active, stamping when; the hash it had then, or empty when it was
     * not active (already revoked, or gone). Conditional, so a revoke is never undone by a racing write.
     */
    Optional<String> revoke(UUID id);

    /** The tenant's key with this id; empty for a global key or another tenant's. */
    Optional<ApiKey> findById(TenantId tenant, UUID id);

    /**
     * The key with this id whatever its tenant, global keys included: for a superadmin acting in
     * no tenant, and for a global key's own principal.
     */
    Optional<ApiKey> findByIdInAnyTenant(UUID id);

    /** By id within the scope an actor acts in; an empty scope (a superadmin's) looks in any tenant. */
    default Optional<ApiKey> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    Optional<ApiKey> findByHash(String keyHash);

    /**
     * Active keys with this name, compared ignoring case, in the tenant (or among global keys when
     * the tenant is empty).
     */
    boolean existsActiveName(Optional<TenantId> tenant, String name);

    /** Newest first; an empty tenant lists every key. */
    List<ApiKey> list(Optional<TenantId> tenant);

    /** Moves lastUsedAt forward for many keys in one write; never moves it back. */
    void recordLastUsed(Map<UUID, Instant> lastUse);
}
