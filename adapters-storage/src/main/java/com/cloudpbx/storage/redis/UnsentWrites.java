package com.cloudpbx.storage.redis;

import com.cloudpbx.core.shared.DomainException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes of this node that Redis refused, one per key (the latest wins), pushed once Redis answers
 * again. A write is kept as what to send, usually "this node's current copy of the key", so pushing
 * it later sends the latest state rather than replaying history. Bounded: past {@link #LIMIT} keys
 * the oldest is dropped (and logged), as Redis itself lets the orphan expire.
 *
 * <p>Once Redis has refused a write it counts as away: {@link #requireAnswering()} fails at once, so
 * the adapter goes to its own copy without waiting out a command timeout per command (a Redis that
 * hangs rather than refuses would otherwise slow call tracking to one event per timeout).
 * {@link #pushIfDue()}, called before each command of the adapter, costs one volatile read while
 * nothing waits; while something waits it sends Redis a PING at most once a {@link #RETRY_EVERY},
 * without waiting for it, and once one is answered it sends what waits, stopping at the first
 * refusal.
 */
final class UnsentWrites<K> {

    static final int LIMIT = 100_000;
    static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(UnsentWrites.class);

    private record Unsent(long version, Supplier<CompletionStage<?>> push) {
    }

    private final RedisConnections redis;
    private final String what;
    private final Map<K, Unsent> unsent = new LinkedHashMap<>();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicBoolean pushing = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile int waiting;
    private volatile long nextTryNanos;
    private volatile boolean away;

    UnsentWrites(RedisConnections redis, String what) {
        this.redis = redis;
        this.what = what;
    }

    /** Redis refused the write of the key: {@code push} sends it again later. */
    void remember(K key, Supplier<CompletionStage<?>> push) {
        synchronized (unsent) {
            if (unsent.isEmpty()) {
                LOG.warn("Redis at {} refused a write of {}; this node keeps its own copy and sends it when Redis is back",
                        redis.address(), what);
                nextTryNanos = System.nanoTime() + RETRY_EVERY.toNanos();
            }
            unsent.remove(key);
            unsent.put(key, new Unsent(versions.incrementAndGet(), push));
            if (unsent.size() > LIMIT) {
                Iterator<K> oldest = unsent.keySet().iterator();
                LOG.warn("More than {} writes of {} wait for Redis; dropping the oldest ({}), which expires there",
                        LIMIT, what, oldest.next());
                oldest.remove();
            }
            waiting = unsent.size();
            away = true;
        }
    }

    /**
     * What a lookup answers while Redis is away: this node's copy of the key; nothing when the copy
     * lacks it and this node applies a switch's events (its copy is then the whole truth about the
     * calls it tracks, and call tracking goes on, new calls included); otherwise the 503, as the key
     * may be another node's, known only to Redis.
     */
    <T> Optional<T> ownAnswer(Optional<T> mine, DomainException unavailable) {
        if (mine.isPresent() || redis.keepsLiveState()) {
            return mine;
        }
        throw unavailable;
    }

    /** Fails with the 503 at once while Redis refused a write lately and has not answered since. */
    void requireAnswering() {
        if (away) {
            throw redis.unavailable(new IllegalStateException("Redis refused a write lately and has not answered since"));
        }
    }

    /** A later write of the key reached Redis: nothing older needs sending. */
    void sent(K key) {
        if (waiting == 0) {
            return;
        }
        synchronized (unsent) {
            unsent.remove(key);
            waiting = unsent.size();
        }
    }

    boolean isWaiting(K key) {
        if (waiting == 0) {
            return false;
        }
        synchronized (unsent) {
            return unsent.containsKey(key);
        }
    }

    /** Sends what waits, if anything does and a try is due; stops at the first refusal. */
    void pushIfDue() {
        if (waiting == 0) {
            // All sent (a push that ran alongside a refusal may have sent the refused write too).
            if (away) {
                away = false;
            }
            return;
        }
        if (System.nanoTime() - nextTryNanos < 0) {
            return;
        }
        if (away) {
            probe();
            return;
        }
        if (!pushing.compareAndSet(false, true)) {
            return;
        }
        try {
            List<Map.Entry<K, Unsent>> due;
            synchronized (unsent) {
                due = unsent.entrySet().stream().map(entry -> Map.entry(entry.getKey(), entry.getValue())).toList();
            }
            int pushed = 0;
            for (Map.Entry<K, Unsent> entry : due) {
                try {
                    redis.await(entry.getValue().push().get());
                } catch (RuntimeException refused) {
                    nextTryNanos = System.nanoTime() + RETRY_EVERY.toNanos();
                    away = true;
                    return;
                }
                synchronized (unsent) {
                    // Only if not written again meanwhile: a newer refusal must be sent in turn.
                    unsent.remove(entry.getKey(), entry.getValue());
                    waiting = unsent.size();
                }
                pushed++;
            }
            LOG.info("Redis at {} answers again: sent {} waiting writes of {}", redis.address(), pushed, what);
        } finally {
            pushing.set(false);
        }
    }

    /** Asks Redis whether it answers, without waiting; the next command after an answer sends what waits. */
    private void probe() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        nextTryNanos = System.nanoTime() + RETRY_EVERY.toNanos();
        try {
            redis.async().ping().whenComplete((pong, failure) -> {
                if (failure == null) {
                    away = false;
                    nextTryNanos = System.nanoTime();
                }
                probing.set(false);
            });
        } catch (RuntimeException refused) {
            probing.set(false);
        }
    }
}
