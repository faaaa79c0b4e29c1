package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.AddressBlocks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Sha256;
import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the unknown or malformed API keys each client address presents, per minute from its
 * first failure. An address past the limit is refused for the rest of that minute before any
 * lookup, so guessing keys costs neither queries nor cache entries; other addresses are not
 * affected. An IPv6 address counts as its /64 ({@link AddressBlocks}). Addresses are held as their
 * SHA-256, in a size-bounded memory.
 */
public final class FailedApiKeyLookups {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final BoundedCache<String, Window> windows;
    private final int perMinute;
    private final Clock clock;

    public FailedApiKeyLookups(BoundedCaches caches, int perMinute, long maximumAddresses, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("failed API-key lookups per minute must be at least 1");
        }
        this.windows = caches.create("failed-api-key-lookups", maximumAddresses, WINDOW);
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Refuses an address that has used up its failures for this minute. */
    public void admit(String clientAddress) {
        Instant now = clock.instant();
        windows.getIfPresent(key(clientAddress))
                .filter(window -> window.isCurrentAt(now) && window.failures().get() >= perMinute)
                .ifPresent(window -> {
                    Duration wait = Duration.between(now, window.start().plus(WINDOW));
                    throw DomainException.rateLimited("Too many unknown API keys from this address; try again in "
                            + Math.max(1, wait.toSeconds() + 1) + " seconds", wait);
                });
    }

    public void recordFailure(String clientAddress) {
        Instant now = clock.instant();
        String key = key(clientAddress);
        Window window = windows.get(key, k -> new Window(now, new AtomicInteger()));
        if (!window.isCurrentAt(now)) {
            window = new Window(now, new AtomicInteger());
            windows.put(key, window);
        }
        window.failures().incrementAndGet();
    }

    private static String key(String clientAddress) {
        return Sha256.hex(AddressBlocks.of(clientAddress));
    }

    private record Window(Instant start, AtomicInteger failures) {

        boolean isCurrentAt(Instant now) {
            return now.isBefore(start.plus(WINDOW));
        }
    }
}
