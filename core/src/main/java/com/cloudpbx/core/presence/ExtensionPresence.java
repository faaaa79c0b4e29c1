package com.cloudpbx.core.presence;

import com.cloudpbx.core.calls.CallDirection;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An extension's presence; on a call or ringing, also which call, who the other party is, its
 * direction and since when (null otherwise).
 */
public record ExtensionPresence(String extension, PresenceStatus status, UUID callUuid, String caller,
                                CallDirection direction, Instant since) {

    public ExtensionPresence {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(status, "status");
    }

    static ExtensionPresence idle(String extension, PresenceStatus status) {
        return new ExtensionPresence(extension, status, null, null, null, null);
    }
}
