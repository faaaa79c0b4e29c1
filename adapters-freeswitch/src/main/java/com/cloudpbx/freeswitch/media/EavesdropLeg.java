package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The supervisor's leg {@code spyUuid}: rings {@code supervisor}, then listens in on {@code target}.
 * The supervisor's phone shows the target's caller ({@code callerIdNumber}, {@code callerIdName})
 * and the number it dialled ({@code destination}), so the supervisor sees which call it joins;
 * each may be null.
 */
public record EavesdropLeg(UUID spyUuid, UUID target, TenantId tenant, Destination supervisor, EavesdropMode mode,
                           Duration timeout, String callerIdNumber, String callerIdName, String destination) {

    public EavesdropLeg {
        Objects.requireNonNull(spyUuid, "spyUuid");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A supervisor leg that shows nothing of the call it listens to. */
    public EavesdropLeg(UUID spyUuid, UUID target, TenantId tenant, Destination supervisor, EavesdropMode mode,
                        Duration timeout) {
        this(spyUuid, target, tenant, supervisor, mode, timeout, null, null, null);
    }
}
