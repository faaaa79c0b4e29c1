package com.cloudpbx.core.calls;

import java.util.Locale;

/** How a finished call went. A busy destination counts as missed. */
public enum CallStatus {
    COMPLETED,
    MISSED,
    FAILED,
    VOICEMAIL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
