package com.cloudpbx.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BoundedCaches} and the caches it makes must do; adapters extend this with their own. */
public abstract class BoundedCachesContract {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private BoundedCaches caches;

    /** Caches whose entries expire by {@code clock}, so a test crosses an expiry by moving it. */
    protected abstract BoundedCaches newCaches(Clock clock);

    @BeforeEach
    void cachesOnAMovableClock() {
        caches = newCaches(clock);
    }

    private BoundedCache<String, String> small() {
        return caches.create("test", 10, TTL);
    }

    @Test
    void remembersWhatTheLoaderReturned() {
        BoundedCache<String, String> cache = small();
        AtomicInteger loads = new AtomicInteger();

        cache.get("a", k -> "value-" + loads.incrementAndGet());
        String second = cache.get("a", k -> "value-" + loads.incrementAndGet());

        assertThat(second).isEqualTo("value-1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void theLoaderIsGivenTheKeyAsked() {
        BoundedCache<String, String> cache = small();

        assertThat(cache.get("a", k -> "loaded-" + k)).isEqualTo("loaded-a");
    }

    @Test
    void aRememberedValueIsServedWithoutTheLoader() {
        BoundedCache<String, String> cache = small();
        cache.put("a", "stored");

        assertThat(cache.get("a", k -> "loaded")).isEqualTo("stored");
    }

    @Test
    void aNullFromTheLoaderIsReturnedAndNotRemembered() {
        BoundedCache<String, String> cache = small();

        assertThat(cache.get("a", k -> null)).isNull();

        assertThat(cache.getIfPresent("a")).isEmpty();
        assertThat(cache.get("a", k -> "loaded")).isEqualTo("loaded");
    }

    @Test
    void anUnknownKeyIsNotPresent() {
        assertThat(small().getIfPresent("a")).isEmpty();
    }

    @Test
    void aPutValueIsPresent() {
        BoundedCache<String, String> cache = small();

        cache.put("a", "stored");

        assertThat(cache.getIfPresent("a")).contains("stored");
    }

    @Test
    void aPutReplacesTheValueOfItsKey() {
        BoundedCache<String, String> cache = small();
        cache.put("a", "old");

        cache.put("a", "new");

        assertThat(cache.getIfPresent("a")).contains("new");
        assertThat(cache.estimatedSize()).isEqualTo(1);
    }

    @Test
    void anEntryIsKeptUntilItsTimeIsUp() {
        BoundedCache<String, String> cache = small();
        cache.put("a", "stored");

        clock.advance(TTL.minusSeconds(1));

        assertThat(cache.getIfPresent("a")).contains("stored");
    }

    @Test
    void forgetsAnEntryOnceItsTimeIsUp() {
        BoundedCache<String, String> cache = small();
        cache.put("a", "old");

        clock.advance(TTL.plusSeconds(1));

        assertThat(cache.getIfPresent("a")).isEmpty();
    }

    @Test
    void anExpiredEntryIsLoadedAgain() {
        BoundedCache<String, String> cache = small();
        cache.put("a", "old");

        clock.advance(TTL.plusSeconds(1));

        assertThat(cache.get("a", k -> "new")).isEqualTo("new");
    }

    @Test
    void storingAnEntryAgainRestartsItsTime() {
        BoundedCache<String, String> cache = small();
        cache.put("a", "first");
        clock.advance(TTL.minusSeconds(10));

        cache.put("a", "second");
        clock.advance(TTL.minusSeconds(10));

        assertThat(cache.getIfPresent("a")).contains("second");
    }

    @Test
    void invalidatedEntriesAreLoadedAgain() {
        BoundedCache<String, String> cache = small();
        cache.put("a", "old");

        cache.invalidate("a");

        assertThat(cache.getIfPresent("a")).isEmpty();
        assertThat(cache.get("a", k -> "new")).isEqualTo("new");
    }

    @Test
    void replaceStoresTheNewValueWhileTheExpectedOneIsHeld() {
        BoundedCache<String, String> cache = caches.create("test", 10, Duration.ofMinutes(1));
        String first = new String("first");
        cache.put("k", first);

        assertThat(cache.replace("k", first, "second")).isTrue();
        assertThat(cache.getIfPresent("k")).contains("second");
    }

    @Test
    void replaceLeavesAnInvalidatedKeyEmpty() {
        BoundedCache<String, String> cache = caches.create("test", 10, Duration.ofMinutes(1));
        String first = new String("first");
        cache.put("k", first);
        cache.invalidate("k");

        assertThat(cache.replace("k", first, "second")).isFalse();
        assertThat(cache.getIfPresent("k")).isEmpty();
    }

    @Test
    void replaceKeepsAValuePutMeanwhile() {
        BoundedCache<String, String> cache = caches.create("test", 10, Duration.ofMinutes(1));
        String first = new String("first");
        cache.put("k", first);
        cache.put("k", new String("first"));

        assertThat(cache.replace("k", first, "second")).isFalse();
        assertThat(cache.getIfPresent("k")).contains("first");
    }

    @Test
    void invalidatingOneKeyLeavesTheOthers() {
        BoundedCache<String, String> cache = small();
        cache.put("a", "kept");
        cache.put("b", "dropped");

        cache.invalidate("b");

        assertThat(cache.getIfPresent("a")).contains("kept");
    }

    @Test
    void cachesOfOneFactoryAreIndependent() {
        BoundedCache<String, String> first = caches.create("first", 10, TTL);
        BoundedCache<String, String> second = caches.create("second", 10, TTL);

        first.put("a", "first's");

        assertThat(second.getIfPresent("a")).isEmpty();
    }

    @Test
    void aFloodOfNewKeysKeepsTheSizeBoundWithoutClearingEverything() {
        BoundedCache<String, String> cache = caches.create("test", 1_000, Duration.ofMinutes(5));
        for (int i = 0; i < 100_000; i++) {
            cache.put("flood-" + i, "x");
        }

        assertThat(cache.estimatedSize()).isBetween(900L, 1_000L);
    }

    /** What the bound is for: callers who keep using an entry keep it, whatever else arrives. */
    @Test
    void anEntryInUseSurvivesAFloodOfNewKeys() {
        BoundedCache<String, String> cache = caches.create("test", 100, Duration.ofMinutes(5));
        cache.put("regular", "kept");
        for (int i = 0; i < 10_000; i++) {
            cache.put("flood-" + i, "x");
            if (i % 10 == 0) {
                assertThat(cache.getIfPresent("regular")).as("after %d new keys", i).contains("kept");
            }
        }
    }

    /** What revoking an API key relies on: it evicts after its commit, while a lookup may be loading the old row. */
    @Test
    void anInvalidationWhileTheLoaderRunsRemovesWhatItLoaded() throws Exception {
        BoundedCache<String, String> cache = small();
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
