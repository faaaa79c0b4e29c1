package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.DomainException;
import java.util.Arrays;
import java.util.Locale;

/** Where a delivery stands: waiting for its first or next attempt, received (a 2xx), or given up. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus parse(String value, String field) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> DomainException.invalid(field, "must be pending, delivered or failed"));
    }
}
