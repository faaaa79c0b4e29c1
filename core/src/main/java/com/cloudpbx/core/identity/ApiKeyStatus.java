package com.cloudpbx.core.identity;

import java.util.Locale;

/** Revoked keys never authenticate again. */
public enum ApiKeyStatus {
    ACTIVE,
    REVOKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
