package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import java.util.List;
import java.util.Map;

/** Schedules visible to the actor; when the listing spans tenants, {@code tenants} names each one's tenant. */
public record ScheduleListing(List<BusinessSchedule> schedules, Map<TenantId, Tenant> tenants) {

    public ScheduleListing {
        schedules = List.copyOf(schedules);
        tenants = Map.copyOf(tenants);
    }

    public boolean spansTenants() {
        return !tenants.isEmpty();
    }
}
