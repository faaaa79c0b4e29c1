package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remembers key lookups by hash so authenticating a request is a map read. Unknown hashes are
 * remembered too, briefly, so a flood of bad keys does not become a flood of queries. Known and
 * unknown hashes are kept apart, each in a size-bounded memory that forgets its least recently
 * used entries: a flood of unknown keys can never push out the keys in use. Revoking or
 * regenerating evicts the old hash on this node at once; other nodes drop it when the caches
 * carry invalidations to them (Redis), else within {@code ttl}.
 */
public final class ApiKeyCache {

    private final BoundedCache<String, ApiKey> known;
    private final BoundedCache<String, Boolean> unknown;

    /** @param maximumSize at most this many known and as many unknown hashes are held */
    public ApiKeyCache(BoundedCaches caches, Duration ttl, Duration negativeTtl, long maximumSize) {
        this.known = caches.create("api-keys", maximumSize, ttl);
        this.unknown = caches.create("unknown-api-keys", maximumSize, negativeTtl);
    }

    public Optional<ApiKey> get(String hash, Function<String, Optional<ApiKey>> loader) {
        Optional<ApiKey> cached = known.getIfPresent(hash);
        if (cached.isPresent() || unknown.getIfPresent(hash).isPresent()) {
            return cached;
        }
        // Loaded inside the cache's own get, never put afterwards: an eviction (a revoke just
        // committed) racing this lookup then removes what it loaded rather than coming before it.
        Optional<ApiKey> loaded = Optional.ofNullable(known.get(hash, h -> loader.apply(h).orElse(null)));
        if (loaded.isEmpty()) {
            unknown.put(hash, Boolean.TRUE);
        }
        return loaded;
    }

    /** The key if this node holds it in memory, without any lookup. */
    public Optional<ApiKey> remembered(String hash) {
        return known.getIfPresent(hash);
    }

    public void evict(String hash) {
        known.invalidate(hash);
        unknown.invalidate(hash);
    }

    /** Roughly how many hashes, known and unknown, are held. */
    public long estimatedSize() {
        return known.estimatedSize() + unknown.estimatedSize();
    }
}
