package com.cloudpbx.core.routing;

import java.util.Objects;

/**
 * A trunk's gateway as the media server reports it: {@code status} UP or DOWN (UNKNOWN when it
 * cannot tell), {@code state} its registration (REGED, NOREG, TRYING, FAIL, ... or NOT_LOADED),
 * and the last options ping's round trip when it pings.
 */
public record GatewayStatus(String status, String state, Integer pingMs) {

    public static final String NOT_LOADED = "NOT_LOADED";

    public GatewayStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
    }

    public static GatewayStatus notLoaded() {
        return new GatewayStatus("DOWN", NOT_LOADED, null);
    }

    public boolean loaded() {
        return !NOT_LOADED.equals(state);
    }
}
