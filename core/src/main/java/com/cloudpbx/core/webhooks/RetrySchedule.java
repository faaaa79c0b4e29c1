package com.cloudpbx.core.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again. The first retry waits the webhook's
 * {@code retry_delay_seconds}, each next one four times the one before (60 s, 4 min, 16 min, 64 min,
 * 4 h 16 min with the defaults, so five retries span close to six hours), at most {@code maxDelay};
 * each wait is spread by ±20 % so that receivers coming back are not hit by every retry at once. A
 * {@code Retry-After} longer than the wait is honoured (up to {@code maxDelay}). After
 * {@code max_retries} retries the delivery has failed.
 */
public final class RetrySchedule {

    private static final double GROWTH = 4.0;
    private static final double SPREAD = 0.2;

    private final Duration maxDelay;
    private final DoubleSupplier random;

    /** @param random uniformly in [0, 1) */
    public RetrySchedule(Duration maxDelay, DoubleSupplier random) {
        this.maxDelay = maxDelay;
        this.random = random;
    }

    /**
     * @param attemptsMade attempts made so far, the one that just failed included
     * @param retryAfter   what the receiver asked for, or null
     * @return when to try next, or empty when the delivery has had its retries
     */
    public Optional<Instant> next(Webhook webhook, int attemptsMade, Instant now, Duration retryAfter) {
        int retriesMade = attemptsMade - 1;
        if (retriesMade >= webhook.maxRetries()) {
            return Optional.empty();
        }
        double base = webhook.retryDelaySeconds() * Math.pow(GROWTH, retriesMade);
        double spread = base * (1 - SPREAD + 2 * SPREAD * random.getAsDouble());
        Duration wait = Duration.ofMillis((long) Math.min(spread * 1000, maxDelay.toMillis()));
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        return Optional.of(now.plus(wait));
    }
}
