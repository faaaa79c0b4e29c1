package com.cloudpbx.storage.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this node last wrote each key of its own copy, so the copy forgets what Redis has let
 * expire: a key another node removed (the lease moved, say) would otherwise stay in this node's
 * memory, and be answered from it in an outage, for ever. Swept during writes, at most once a
 * {@code sweepEvery}.
 */
final class OwnCopyAges<K> {

    private final Map<K, Long> writtenAt = new ConcurrentHashMap<>();
    private final long keepNanos;
    private final long sweepEveryNanos;
    private volatile long nextSweep;

    OwnCopyAges(Duration keepFor) {
        this.keepNanos = keepFor.toNanos();
        this.sweepEveryNanos = Math.min(keepNanos, Duration.ofMinutes(1).toNanos());
        this.nextSweep = System.nanoTime() + sweepEveryNanos;
    }

    void written(K key) {
        writtenAt.put(key, System.nanoTime());
    }

    void removed(K key) {
        writtenAt.remove(key);
    }

    /** The keys last written longer ago than Redis keeps them, forgotten here; none between sweeps. */
    List<K> expired() {
        long now = System.nanoTime();
        if (now - nextSweep < 0) {
            return List.of();
        }
        nextSweep = now + sweepEveryNanos;
        List<K> expired = new ArrayList<>();
        writtenAt.forEach((key, at) -> {
            if (now - at > keepNanos && writtenAt.remove(key, at)) {
                expired.add(key);
            }
        });
        return expired;
    }
}
