package com.cloudpbx.core.shared.port;

import java.util.Optional;
import java.util.function.Function;

/**
 * Port: a size-bounded memory of values by key, each kept for a limited time. When full it forgets the
 * entries least recently used, one at a time, never the whole content at once, so a flood of new
 * keys cannot wipe what legitimate callers rely on.
 */
public interface BoundedCache<K, V> {

    /**
     * The remembered value, or the loader's result (remembered unless it is null). An
     * {@link #invalidate} of the key while the loader runs waits for it and removes what it loaded.
     */
    V get(K key, Function<? super K, ? extends V> loader);

    Optional<V> getIfPresent(K key);

    void put(K key, V value);

    void invalidate(K key);

    /**
     * Stores {@code replacement} only while the key still holds {@code expected} (the same
     * instance), atomically: a value loaded in the background never overwrites an invalidation or a
     * newer value that came in meanwhile. True when it was stored.
     */
    boolean replace(K key, V expected, V replacement);

    /** Roughly how many entries are held (for tests and metrics). */
    long estimatedSize();
}
