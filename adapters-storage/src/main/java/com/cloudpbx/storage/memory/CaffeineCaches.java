package com.cloudpbx.storage.memory;

import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.storage.redis.RedisSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Bounded caches on Caffeine: least-recently-used eviction one entry at a time (W-TinyLFU), expiry
 * read from the application's clock so tests that move the clock move the caches too. The caches
 * of one API node alone; with Redis configured, {@code RedisEvictedCaches} uses these and tells
 * the other nodes of each invalidation.
 */
@Singleton
@Requires(missingProperty = RedisSettings.URL)
public class CaffeineCaches implements BoundedCaches {

    private final Clock clock;

    public CaffeineCaches(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <K, V> CaffeineCache<K, V> create(String name, long maximumSize, Duration expireAfterWrite) {
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

    /** One cache; besides the port, it can drop every key a predicate matches. */
    public static final class CaffeineCache<K, V> implements BoundedCache<K, V> {

        private final Cache<K, V> cache;
        /** Keys whose loader runs right now, so that {@link #invalidateWhere} reaches them too. */
        private final Map<K, Integer> loading = new ConcurrentHashMap<>();

        private CaffeineCache(Cache<K, V> cache) {
            this.cache = cache;
        }

        @Override
        public V get(K key, Function<? super K, ? extends V> loader) {
            boolean[] loaded = {false};
            try {
                return cache.get(key, k -> {
                    loading.merge(k, 1, Integer::sum);
                    loaded[0] = true;
                    return loader.apply(k);
                });
            } finally {
                // Only once the loaded value is in the map: a key is always either loading or held.
                if (loaded[0]) {
                    loading.computeIfPresent(key, (k, loads) -> loads == 1 ? null : loads - 1);
                }
            }
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

        /**
         * Invalidates every key the predicate matches, those being loaded included (waiting for
         * their loader as {@link #invalidate} does). Goes through all keys held: for rare
         * invalidations known only by a description of the key, not for every request.
         */
        public void invalidateWhere(Predicate<? super K> matches) {
            // Loading first, then held: a load that ends in between has put its value by then.
            for (K key : loading.keySet()) {
                if (matches.test(key)) {
                    cache.invalidate(key);
                }
            }
            for (K key : cache.asMap().keySet()) {
                if (matches.test(key)) {
                    cache.invalidate(key);
                }
            }
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
