package com.cloudpbx.freeswitch.esl;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: the ceiling doubles per failed attempt from {@code min} up to {@code max}, and
 * the delay is drawn between half the ceiling and the ceiling ("equal jitter"). The jitter keeps a
 * fleet of API servers from reconnecting in lockstep after a media server restarts; the fixed half
 * keeps a dead server from being hammered.
 *
 * <p>Not thread-safe: each client draws from its own instance on its own event loop.
 */
public final class Backoff {

    private final long minNanos;
    private final long maxNanos;
    private final RandomGenerator random;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** Delay before attempt {@code attempt + 1}, where attempt 0 follows the first failure. */
    public Duration delay(int attempt) {
        long ceiling = minNanos;
        for (int i = 0; i < attempt && ceiling < maxNanos; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxNanos);
        long half = ceiling / 2;
        return Duration.ofNanos(half + random.nextLong(ceiling - half + 1));
    }
}
