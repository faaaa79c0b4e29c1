package com.cloudpbx.storage.memory;

import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bounded caches on Caffeine: least-recently-used eviction one entry at a time (W-TinyLFU), expiry
 * read from the application's clock so tests that move the clock move the caches too.
 */
@Singleton
public class CaffeineCaches implements BoundedCaches {

    private final Clock clock;

    public CaffeineCaches(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <K, V> BoundedCache<K, V> create(String name, long maximumSize, Duration expireAfterWrite) {
        Cache<K, V> cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(expireAfterWrite)
                .ticker(() -> {
                    var now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .executor(Runnable::run)
                .build();
        return new CaffeineCache<>(cache);
    }

    private record CaffeineCache<K, V>(Cache<K, V> cache) implements BoundedCache<K, V> {

        @Override
        public V get(K key, Function<? super K, ? extends V> loader) {
            return cache.get(key, loader);
        }

        @Override
        public Optional<V> getIfPresent(K key) {
            return Optional.ofNullable(cache.getIfPresent(key));
        }

        @Override
        public void put(K key, V value) {
            cache.put(key, value);
        }

        @Override
        public void invalidate(K key) {
            cache.invalidate(key);
        }

        @Override
        public boolean replace(K key, V expected, V replacement) {
            // The map's replace compares with equals; only the very instance counts as expected.
            boolean[] replaced = {false};
            cache.asMap().computeIfPresent(key, (k, current) -> {
                if (current == expected) {
                    replaced[0] = true;
                    return replacement;
                }
                return current;
            });
            return replaced[0];
        }

        @Override
        public long estimatedSize() {
            cache.cleanUp();
            return cache.estimatedSize();
        }
    }
}
