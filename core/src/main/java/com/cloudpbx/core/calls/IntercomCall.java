package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Rings one extension asking its phone to answer by itself, as an intercom or a page does; once
 * answered the leg waits, bridged to nothing, for the next command (a conference join). The uuid
 * is chosen here, so it is known before the switch does anything.
 */
public record IntercomCall(UUID uuid, TenantId tenant, Destination extension, String callerIdNumber,
                           String callerIdName, Duration timeout) {

    public IntercomCall {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(extension, "extension");
        if (extension.kind() != Destination.Kind.EXTENSION) {
            throw new IllegalArgumentException("An intercom call rings an extension");
        }
        Objects.requireNonNull(timeout, "timeout");
    }
}
