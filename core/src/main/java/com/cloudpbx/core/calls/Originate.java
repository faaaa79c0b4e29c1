package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Ring {@code from} (an extension) first; when it answers, dial {@code to} and bridge the two.
 * The first leg's uuid is chosen here, so it is known before the switch does anything.
 */
public record Originate(UUID uuid, TenantId tenant, Destination from, Destination to, String callerIdNumber,
                        String callerIdName, Duration timeout) {

    public Originate {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(timeout, "timeout");
    }
}
