package com.cloudpbx.storage.redis;

import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.storage.memory.CaffeineCaches;
import com.cloudpbx.storage.memory.CaffeineCaches.CaffeineCache;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's bounded caches (Caffeine), whose invalidations reach every API node sharing the
 * Redis: an {@code invalidate} drops the key here at once, then is published on the channel
 * {@code <prefix>:cache-evictions} as {@code <node>\n<cache name>\n<key>}; each other node drops
 * the key from its cache of the same name (a node ignores its own messages). A key revoked, a
 * standing changed or a routing plan edited through one node is so dropped on every node within
 * the time a message takes, a few milliseconds, rather than the caches' lifetime.
 * <p>
 * Keys travel as their {@code toString()}, and a node drops every key of that cache whose
 * {@code toString()} is the same: the caches' keys (hashes as strings, UUIDs, and records such as
 * {@code TenantId} or {@code PhoneNumber}) print the same on every node running the same code, and
 * no key type needs a codec. Matching goes through the cache's keys, which the cache bounds, and
 * happens only for invalidations, on a thread of its own, never on Redis's I/O thread.
 * <p>
 * Redis being away does not stop an invalidation here; the message is lost (logged), so the other
 * nodes keep the entry until it expires: they fall back to the caches' lifetime, as without Redis.
 */
@Singleton
@Requires(property = RedisSettings.URL)
public final class RedisEvictedCaches implements BoundedCaches, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisEvictedCaches.class);
    private static final int WAITING_EVICTIONS = 10_000;

    private final RedisConnections redis;
    private final CaffeineCaches local;
    private final String channel;
    private final String node;
    private final Map<String, List<CaffeineCache<?, ?>>> byName = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor evictions;

    @Inject
    public RedisEvictedCaches(RedisConnections redis, Clock clock) {
        this.redis = redis;
        this.local = new CaffeineCaches(clock);
        this.node = redis.nodeId();
        this.channel = redis.keys().of("cache-evictions");
        this.evictions = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WAITING_EVICTIONS),
                task -> Thread.ofPlatform().name("cache-evictions").daemon().unstarted(task),
                (task, executor) -> LOG.warn("{} cache evictions from other nodes wait already; one is dropped,"
                        + " its entry expires with the cache's lifetime", WAITING_EVICTIONS));
        try {
            redis.await(redis.subscribe(channel, message -> evictions.execute(() -> received(message))));
        } catch (RuntimeException e) {
            // Subscribed again by the connection once Redis answers; until then this node hears nothing.
            LOG.warn("Could not subscribe to cache evictions on {} yet: {}", channel, e.getMessage());
        }
    }

    @Override
    public <K, V> BoundedCache<K, V> create(String name, long maximumSize, Duration expireAfterWrite) {
        if (name.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a cache name is one line");
        }
        CaffeineCache<K, V> cache = local.create(name, maximumSize, expireAfterWrite);
        byName.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(cache);
        return new Evicted<>(name, cache);
    }

    private void received(String message) {
        String[] parts = message.split("\n", 3);
        if (parts.length < 3 || parts[0].equals(node)) {
            return;
        }
        String key = parts[2];
        for (CaffeineCache<?, ?> cache : byName.getOrDefault(parts[1], List.of())) {
            cache.invalidateWhere(held -> held.toString().equals(key));
        }
    }

    @PreDestroy
    @Override
    public void close() {
        evictions.shutdownNow();
    }

    private final class Evicted<K, V> implements BoundedCache<K, V> {

        private final String name;
        private final CaffeineCache<K, V> cache;

        Evicted(String name, CaffeineCache<K, V> cache) {
            this.name = name;
            this.cache = cache;
        }

        @Override
        public V get(K key, Function<? super K, ? extends V> loader) {
            return cache.get(key, loader);
        }

        @Override
        public Optional<V> getIfPresent(K key) {
            return cache.getIfPresent(key);
        }

        @Override
        public void put(K key, V value) {
            cache.put(key, value);
        }

        /** Here at once; on the other nodes as soon as Redis delivers the message. */
        @Override
        public void invalidate(K key) {
            cache.invalidate(key);
            redis.publish(channel, node + "\n" + name + "\n" + key);
        }

        @Override
        public boolean replace(K key, V expected, V replacement) {
            return cache.replace(key, expected, replacement);
        }

        @Override
        public long estimatedSize() {
            return cache.estimatedSize();
        }
    }
}
