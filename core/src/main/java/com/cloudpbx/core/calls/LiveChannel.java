package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One leg of a live call as the media server reports it. {@code callUuid} is shared by every
 * leg of the same call (the first leg's uuid); {@code extension} is the tenant extension this leg
 * rings or belongs to, when there is one.
 */
public record LiveChannel(UUID uuid, UUID callUuid, TenantId tenant, String extension, String callerIdNumber,
                          String callerIdName, String destination, CallDirection direction, boolean answered,
                          boolean onHold, Instant startedAt, Instant answeredAt, UUID bridgedTo, String parkSlot,
                          String conference) {

    public LiveChannel {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(callUuid, "callUuid");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** active, ringing or held, as the active-calls list shows it. */
    public String status() {
        if (!answered) {
            return "ringing";
        }
        return onHold || parkSlot != null ? "held" : "active";
    }

    public LiveChannel answeredAt(Instant at) {
        return new LiveChannel(uuid, callUuid, tenant, extension, callerIdNumber, callerIdName, destination,
                direction, true, onHold, startedAt, answeredAt == null ? at : answeredAt, bridgedTo, parkSlot,
                conference);
    }

    public LiveChannel held(boolean held) {
        return new LiveChannel(uuid, callUuid, tenant, extension, callerIdNumber, callerIdName, destination,
                direction, answered, held, startedAt, answeredAt, bridgedTo, parkSlot, conference);
    }

    public LiveChannel bridgedTo(UUID other) {
        return new LiveChannel(uuid, callUuid, tenant, extension, callerIdNumber, callerIdName, destination,
                direction, answered, onHold, startedAt, answeredAt, other, other == null ? parkSlot : null,
                conference);
    }

    public LiveChannel parkedIn(String slot) {
        return new LiveChannel(uuid, callUuid, tenant, extension, callerIdNumber, callerIdName, destination,
                direction, answered, onHold, startedAt, answeredAt, null, slot, conference);
    }

    public LiveChannel inConference(String name) {
        return new LiveChannel(uuid, callUuid, tenant, extension, callerIdNumber, callerIdName, destination,
                direction, answered, onHold, startedAt, answeredAt, null, null, name);
    }
}
