package com.cloudpbx.core.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers key lookups by hash so authenticating a request is a map read. Unknown hashes are
 * remembered too, briefly, so a flood of bad keys does not become a flood of queries. Revoking
 * or regenerating evicts the old hash on this node; other nodes see it within {@code ttl}.
 */
public final class ApiKeyCache {

    private static final int MAX_ENTRIES = 50_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Duration negativeTtl;
    private final Clock clock;

    public ApiKeyCache(Duration ttl, Duration negativeTtl, Clock clock) {
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.clock = clock;
    }

    public Optional<ApiKey> get(String hash, Function<String, Optional<ApiKey>> loader) {
        Instant now = clock.instant();
        Entry entry = entries.get(hash);
        if (entry == null || now.isAfter(entry.expires())) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            Optional<ApiKey> loaded = loader.apply(hash);
            entry = new Entry(loaded, now.plus(loaded.isPresent() ? ttl : negativeTtl));
            entries.put(hash, entry);
        }
        return entry.key();
    }

    public void evict(String hash) {
        entries.remove(hash);
    }

    private record Entry(Optional<ApiKey> key, Instant expires) {
    }
}
