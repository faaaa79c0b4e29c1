package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The consult leg of an attended transfer: {@code consultUuid} rings {@code target} as a call of
 * its own, showing {@code callerIdNumber} (the transferor's extension; none lets FreeSWITCH
 * choose). {@code transferor} is the leg that will talk to the target once it answers, and
 * {@code party} the one it leaves waiting.
 */
public record ConsultLeg(UUID consultUuid, UUID transferor, UUID party, TenantId tenant, Destination target,
                         String callerIdNumber, Duration timeout) {

    public ConsultLeg {
        Objects.requireNonNull(consultUuid, "consultUuid");
        Objects.requireNonNull(transferor, "transferor");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
    }
}
