package com.cloudpbx.storage.memory;

import com.cloudpbx.core.shared.AttemptWindow;
import com.cloudpbx.core.shared.port.AttemptWindows;
import com.cloudpbx.storage.redis.RedisSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Attempt windows in this node's memory: each key's open window, forgotten when it ends, at most
 * {@code maximumKeys} of them (a flood of new keys evicts the least recently used ones, never all
 * at once). Time is the application's clock. The default while no Redis is configured, and what
 * {@code RedisAttemptWindows} counts in while Redis is away.
 */
@Singleton
@Requires(missingProperty = RedisSettings.URL)
public final class CaffeineAttemptWindows implements AttemptWindows {

    /** Enough for every client address a busy node sees in a window. */
    public static final long DEFAULT_MAXIMUM_KEYS = 100_000;

    private final Clock clock;
    private final Cache<String, AttemptWindow> windows;

    @Inject
    public CaffeineAttemptWindows(Clock clock) {
        this(clock, DEFAULT_MAXIMUM_KEYS);
    }

    public CaffeineAttemptWindows(Clock clock, long maximumKeys) {
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(maximumKeys)
                .expireAfter(new UntilTheWindowEnds())
                .ticker(() -> nanos(clock.instant()))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public AttemptWindow count(String key, Duration length) {
        Instant now = clock.instant();
        return windows.asMap().compute(key, (k, open) -> open == null || !now.isBefore(open.endsAt())
                ? new AttemptWindow(1, now.plus(length))
                : new AttemptWindow(open.attempts() + 1, open.endsAt()));
    }

    @Override
    public Optional<AttemptWindow> current(String key) {
        Instant now = clock.instant();
        return Optional.ofNullable(windows.getIfPresent(key)).filter(window -> now.isBefore(window.endsAt()));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** A window is held until its end, however often it is counted or read. */
    private static final class UntilTheWindowEnds implements Expiry<String, AttemptWindow> {

        @Override
        public long expireAfterCreate(String key, AttemptWindow window, long now) {
            return Math.max(0, nanos(window.endsAt()) - now);
        }

        @Override
        public long expireAfterUpdate(String key, AttemptWindow window, long now, long remaining) {
            return Math.max(0, nanos(window.endsAt()) - now);
        }

        @Override
        public long expireAfterRead(String key, AttemptWindow window, long now, long remaining) {
            return remaining;
        }
    }
}
