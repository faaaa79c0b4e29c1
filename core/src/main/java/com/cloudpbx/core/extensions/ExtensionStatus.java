package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.DomainException;
import java.util.Locale;

/** Disabled extensions cannot register, log in, make or receive calls. */
public enum ExtensionStatus {
    ACTIVE,
    DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExtensionStatus parse(String value, String field) {
        for (ExtensionStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw DomainException.invalid(field, "must be active or disabled");
    }
}
