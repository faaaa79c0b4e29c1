package com.cloudpbx.core.presence;

import java.util.Locale;

/** An extension's presence, by the names API.md gives them. */
public enum PresenceStatus {
    AVAILABLE, ON_CALL, RINGING, BUSY, OFFLINE, DO_NOT_DISTURB;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
