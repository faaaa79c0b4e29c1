package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.AddressBlocks;
import com.cloudpbx.core.shared.AttemptWindow;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Sha256;
import com.cloudpbx.core.shared.port.AttemptWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts the unknown or malformed API keys each client address presents, per minute from its
 * first failure. An address past the limit is refused for the rest of that minute before any
 * lookup, so guessing keys costs neither queries nor cache entries; other addresses are not
 * affected. An IPv6 address counts as its /64 ({@link AddressBlocks}). Addresses are counted as
 * their SHA-256 in {@link AttemptWindows}, so every API node sharing them shares one budget.
 */
public final class FailedApiKeyLookups {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String KIND = "unknown-api-key:";

    private final AttemptWindows windows;
    private final int perMinute;
    private final Clock clock;

    public FailedApiKeyLookups(AttemptWindows windows, int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("failed API-key lookups per minute must be at least 1");
        }
        this.windows = windows;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Refuses an address that has used up its failures for this minute. */
    public void admit(String clientAddress) {
        windows.current(key(clientAddress))
                .filter(window -> window.attempts() >= perMinute)
                .ifPresent(this::refuse);
    }

    public void recordFailure(String clientAddress) {
        windows.count(key(clientAddress), WINDOW);
    }

    private void refuse(AttemptWindow window) {
        Instant now = clock.instant();
        Duration wait = Duration.between(now, window.endsAt());
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        throw DomainException.rateLimited("Too many unknown API keys from this address; try again in "
                + Math.max(1, wait.toSeconds() + 1) + " seconds", wait);
    }

    private static String key(String clientAddress) {
        return KIND + Sha256.hex(AddressBlocks.of(clientAddress));
    }
}
