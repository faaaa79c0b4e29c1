package com.cloudpbx.core.tenants;

import com.cloudpbx.core.shared.DomainException;
import java.util.Locale;

/** A suspended tenant's principals cannot log in. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TenantStatus parse(String value, String field) {
        for (TenantStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw DomainException.invalid(field, "must be active or suspended");
    }
}
