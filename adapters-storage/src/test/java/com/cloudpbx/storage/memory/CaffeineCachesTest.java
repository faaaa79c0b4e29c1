package com.cloudpbx.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.BoundedCache;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
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
}
