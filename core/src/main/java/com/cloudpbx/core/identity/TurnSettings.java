package com.cloudpbx.core.identity;

import java.time.Duration;
import java.util.List;

/** The coturn REST-API shared secret, the TURN URLs to hand out and how long credentials last. */
public record TurnSettings(String sharedSecret, List<String> urls, Duration ttl) {

    public TurnSettings {
        urls = List.copyOf(urls);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("TURN credential TTL must be positive");
        }
    }

    public boolean configured() {
        return sharedSecret != null && !sharedSecret.isBlank() && !urls.isEmpty();
    }

    @Override
    public String toString() {
        return "TurnSettings[urls=" + urls + ", ttl=" + ttl + "]";
    }
}
