package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Port: API keys, found by the hash of their full text. */
public interface ApiKeyRepository {

    void insert(ApiKey key);

    /** Replaces status, hash and last eight characters. */
    void update(ApiKey key);

    Optional<ApiKey> findById(UUID id);

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
