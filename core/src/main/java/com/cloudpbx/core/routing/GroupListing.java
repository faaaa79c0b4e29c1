package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import java.util.List;
import java.util.Map;

/**
 * Groups visible to the actor; when the listing spans tenants (a superadmin acting in none),
 * {@code tenants} holds each group's tenant so it can be named.
 */
public record GroupListing<T>(List<T> groups, Map<TenantId, Tenant> tenants) {

    public GroupListing {
        groups = List.copyOf(groups);
        tenants = Map.copyOf(tenants);
    }

    public boolean spansTenants() {
        return !tenants.isEmpty();
    }
}
