package com.cloudpbx.core.shared.port;

import java.time.Duration;

/** Port: makes {@link BoundedCache}s; adapters decide how (Caffeine in production). */
public interface BoundedCaches {

    /**
     * A cache of at most {@code maximumSize} entries, each forgotten {@code expireAfterWrite}
     * after it was stored.
     *
     * @param name what the cache holds, for metrics and logs
     */
    <K, V> BoundedCache<K, V> create(String name, long maximumSize, Duration expireAfterWrite);
}
