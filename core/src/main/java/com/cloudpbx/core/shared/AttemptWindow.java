package com.cloudpbx.core.shared;

import java.time.Instant;
import java.util.Objects;

/**
 * The attempts counted under one key in its open window, and when that window ends (see
 * {@link com.cloudpbx.core.shared.port.AttemptWindows}).
 */
public record AttemptWindow(long attempts, Instant endsAt) {

    public AttemptWindow {
        if (attempts < 1) {
            throw new IllegalArgumentException("an open window holds at least one attempt");
        }
        Objects.requireNonNull(endsAt, "endsAt");
    }
}
