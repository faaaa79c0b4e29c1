package com.cloudpbx.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CaffeineCachesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final CaffeineCaches caches = new CaffeineCaches(clock);

    @Test
    void remembersWhatTheLoaderReturned() {
        BoundedCache<String, String> cache = caches.create("test", 10, Duration.ofSeconds(30));
        AtomicInteger loads = new AtomicInteger();

        cache.get("a", k -> "value-" + loads.incrementAndGet());
        String second = cache.get("a", k -> "value-" + loads.incrementAndGet());

        assertThat(second).isEqualTo("value-1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void forgetsAnEntryOnceItsTimeIsUp() {
        BoundedCache<String, String> cache = caches.create("test", 10, Duration.ofSeconds(30));
        cache.put("a", "old");

        clock.advance(Duration.ofSeconds(31));

        assertThat(cache.getIfPresent("a")).isEmpty();
    }

    @Test
    void aFloodOfNewKeysKeepsTheSizeBoundWithoutClearingEverything() {
        BoundedCache<String, String> cache = caches.create("test", 1_000, Duration.ofMinutes(5));
        for (int i = 0; i < 100_000; i++) {
            cache.put("flood-" + i, "x");
        }

        assertThat(cache.estimatedSize()).isBetween(900L, 1_000L);
    }

    @Test
    void invalidatedEntriesAreLoadedAgain() {
        BoundedCache<String, String> cache = caches.create("test", 10, Duration.ofSeconds(30));
        cache.put("a", "old");

        cache.invalidate("a");

        assertThat(cache.get("a", k -> "new")).isEqualTo("new");
    }

    /** What revoking an API key relies on: it evicts after its commit, while a lookup may be loading the old row. */
    @Test
    void anInvalidationWhileTheLoaderRunsRemovesWhatItLoaded() throws Exception {
        BoundedCache<String, String> cache = caches.create("test", 10, Duration.ofSeconds(30));
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread lookup = Thread.ofPlatform().start(() -> cache.get("a", k -> {
            loading.countDown();
            try {
                finish.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "stale";
        }));
        assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();

        Thread invalidation = Thread.ofPlatform().start(() -> cache.invalidate("a"));
        invalidation.join(200);
        finish.countDown();
        lookup.join(5_000);
        invalidation.join(5_000);

        assertThat(cache.getIfPresent("a")).isEmpty();
    }
}
