package com.cloudpbx.core.identity;

import com.cloudpbx.core.identity.port.ApiKeyRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects when each key was last used and writes them in batches, so authenticating a request
 * never writes to the database. Reads overlay what is not yet written.
 */
public final class ApiKeyUsage {

    private final ConcurrentHashMap<UUID, Instant> pending = new ConcurrentHashMap<>();
    private final ApiKeyRepository keys;

    public ApiKeyUsage(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public void record(UUID keyId, Instant at) {
        pending.merge(keyId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    public Optional<Instant> pendingFor(UUID keyId) {
        return Optional.ofNullable(pending.get(keyId));
    }

    /** Writes every pending use; uses recorded meanwhile stay for the next flush. */
    public void flush() {
        Map<UUID, Instant> batch = new HashMap<>();
        for (var entry : pending.entrySet()) {
            batch.put(entry.getKey(), entry.getValue());
        }
        if (batch.isEmpty()) {
            return;
        }
        keys.recordLastUsed(batch);
        batch.forEach(pending::remove);
    }

    public ApiKey withLatestUse(ApiKey key) {
        Instant latest = pendingFor(key.id())
                .filter(p -> key.lastUsedAt() == null || p.isAfter(key.lastUsedAt()))
                .orElse(key.lastUsedAt());
        return new ApiKey(key.id(), key.tenant(), key.name(), key.role(), key.scopes(), key.extensionId(),
                key.keyHash(), key.last8(), key.status(), key.expiresAt(), latest, key.createdBy(), key.createdAt());
    }
}
