package com.cloudpbx.core.shared;

import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link BoundedCaches} for tests of core: an access-ordered map per cache that drops its least
 * recently used entry when full, with expiry read from the test's clock.
 */
public final class MapBoundedCaches implements BoundedCaches {

    private final Clock clock;

    public MapBoundedCaches(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <K, V> BoundedCache<K, V> create(String name, long maximumSize, Duration expireAfterWrite) {
        return new MapCache<>(clock, maximumSize, expireAfterWrite);
    }

    private static final class MapCache<K, V> implements BoundedCache<K, V> {

        private record Held<V>(V value, Instant expires) {
        }

        private final Clock clock;
        private final Duration ttl;
        private final Map<K, Held<V>> entries;

        MapCache(Clock clock, long maximumSize, Duration ttl) {
            this.clock = clock;
            this.ttl = ttl;
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, Held<V>> eldest) {
                    return size() > maximumSize;
                }
            };
        }

        @Override
        public synchronized V get(K key, Function<? super K, ? extends V> loader) {
            Optional<V> present = getIfPresent(key);
            if (present.isPresent()) {
                return present.get();
            }
            V loaded = loader.apply(key);
            if (loaded != null) {
                put(key, loaded);
            }
            return loaded;
        }

        @Override
        public synchronized Optional<V> getIfPresent(K key) {
            Held<V> entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (!clock.instant().isBefore(entry.expires())) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(entry.value());
        }

        @Override
        public synchronized void put(K key, V value) {
            entries.put(key, new Held<>(value, clock.instant().plus(ttl)));
        }

        @Override
        public synchronized void invalidate(K key) {
            entries.remove(key);
        }

        @Override
        public synchronized boolean replace(K key, V expected, V replacement) {
            Optional<V> current = getIfPresent(key);
            if (current.isEmpty() || current.get() != expected) {
                return false;
            }
            put(key, replacement);
            return true;
        }

        @Override
        public synchronized long estimatedSize() {
            return entries.size();
        }
    }
}
