package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Park slots in this node's memory, for a single API node (the embedded defaults). */
@Singleton
@Requires(missingProperty = "voip.redis.url")
public class InMemoryParkSlots implements ParkSlots {

    /** Park slots are per tenant: the same slot number in two tenants is two slots. */
    private record SlotKey(TenantId tenant, String slot) {
    }

    private final Map<SlotKey, UUID> slots = new ConcurrentHashMap<>();

    /** Claiming again for the leg that holds the slot succeeds, so a repeated event is harmless. */
    @Override
    public boolean claim(TenantId tenant, String slot, UUID uuid) {
        UUID holder = slots.putIfAbsent(new SlotKey(tenant, slot), uuid);
        return holder == null || holder.equals(uuid);
    }

    @Override
    public void release(TenantId tenant, String slot) {
        slots.remove(new SlotKey(tenant, slot));
    }

    @Override
    public Optional<UUID> parkedIn(TenantId tenant, String slot) {
        return Optional.ofNullable(slots.get(new SlotKey(tenant, slot)));
    }
}
