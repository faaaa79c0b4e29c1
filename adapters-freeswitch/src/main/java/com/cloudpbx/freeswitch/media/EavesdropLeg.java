package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/** The supervisor's leg {@code spyUuid}: rings {@code supervisor}, then listens in on {@code target}. */
public record EavesdropLeg(UUID spyUuid, UUID target, TenantId tenant, Destination supervisor, EavesdropMode mode,
                           Duration timeout) {

    public EavesdropLeg {
        Objects.requireNonNull(spyUuid, "spyUuid");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
    }
}
