package com.cloudpbx.core.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A caller waiting in a queue since {@code joinedAt}; the number and name as the switch shows them. */
public record WaitingCaller(String callerIdNumber, String callerIdName, Instant joinedAt) {

    public WaitingCaller {
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /** Whole seconds waited by {@code now}; never negative, whatever the clocks say. */
    public long waitedSeconds(Instant now) {
        return Math.max(0, Duration.between(joinedAt, now).toSeconds());
    }
}
