package com.cloudpbx.core.shared;

import java.util.Locale;

/** How a principal authenticated: as a person's account, an extension, or an API key. */
public enum PrincipalKind {
    SUPERADMIN,
    ADMIN,
    EXTENSION,
    API_KEY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PrincipalKind fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
