package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The history entry (CDR) a finished call leaves: exactly one per call. */
public record CallRecord(UUID id, TenantId tenant, UUID callUuid, CallDirection direction, String callerIdNumber,
                         String callerIdName, String destination, String extension, CallStatus status,
                         long durationSeconds, long billsec, String forwardedTo, boolean wasVoicemail,
                         String hangupCause, Instant startedAt, Instant answeredAt, Instant endedAt) {

    public CallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(callUuid, "callUuid");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
