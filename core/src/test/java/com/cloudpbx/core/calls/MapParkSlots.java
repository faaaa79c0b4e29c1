package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.shared.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Map-backed park slots for tests of the use cases; concurrent, as {@link MapLiveChannels} is. */
public final class MapParkSlots implements ParkSlots {

    private final Map<String, UUID> slots = new ConcurrentHashMap<>();

    @Override
    public boolean claim(TenantId tenant, String slot, UUID uuid) {
        UUID holder = slots.putIfAbsent(tenant + "/" + slot, uuid);
        return holder == null || holder.equals(uuid);
    }

    @Override
    public void release(TenantId tenant, String slot) {
        slots.remove(tenant + "/" + slot);
    }

    @Override
    public Optional<UUID> parkedIn(TenantId tenant, String slot) {
        return Optional.ofNullable(slots.get(tenant + "/" + slot));
    }
}
