package com.cloudpbx.core.calls;

import java.util.Locale;

/** Seen from the tenant: someone called in, an extension called out, or extension to extension. */
public enum CallDirection {
    INBOUND,
    OUTBOUND,
    INTERNAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
