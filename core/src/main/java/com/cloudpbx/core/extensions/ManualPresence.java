package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.DomainException;
import java.util.Locale;

/** The presence an extension sets for itself; call activity overrides it while a call lasts. */
public enum ManualPresence {
    AVAILABLE,
    BUSY,
    OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ManualPresence parse(String value, String field) {
        for (ManualPresence presence : values()) {
            if (presence.wireName().equals(value)) {
                return presence;
            }
        }
        throw DomainException.invalid(field, "must be available, busy or offline");
    }
}
