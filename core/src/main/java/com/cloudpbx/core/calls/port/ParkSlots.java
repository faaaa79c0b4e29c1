package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Port: which leg is parked in each tenant's park slot, one leg a slot. */
public interface ParkSlots {

    /** Claims the slot for the leg atomically; false when the tenant's slot is taken. */
    boolean claim(TenantId tenant, String slot, UUID uuid);

    void release(TenantId tenant, String slot);

    Optional<UUID> parkedIn(TenantId tenant, String slot);
}
