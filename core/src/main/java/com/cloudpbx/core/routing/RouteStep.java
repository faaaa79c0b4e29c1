package com.cloudpbx.core.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * One step a simulated call took through the routing, for the sandbox to show where a call went:
 * {@code ring 1001,1002}, {@code voicemail 1002}, {@code key 2}, {@code rejected blocked}…
 */
public record RouteStep(String action, String detail, Instant at) {

    public RouteStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
