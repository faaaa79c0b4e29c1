package com.cloudpbx.core.calls;

import java.time.Instant;
import java.util.Objects;

/**
 * Something happened to a live leg. {@code detail} carries what the type needs: the hangup
 * cause, the park slot, the transfer target or the conference name.
 */
public record CallNotification(CallEventType type, LiveChannel channel, Instant at, String detail) {

    public CallNotification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
    }
}
