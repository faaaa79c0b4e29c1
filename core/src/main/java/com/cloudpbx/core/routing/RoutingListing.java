package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import java.util.List;
import java.util.Map;

/**
 * A routing resource's rows visible to the actor; when the listing spans tenants (a superadmin
 * acting in none), {@code tenants} holds each row's tenant so it can be named.
 */
public record RoutingListing<T>(List<T> items, Map<TenantId, Tenant> tenants) {

    public RoutingListing {
        items = List.copyOf(items);
        tenants = Map.copyOf(tenants);
    }

    public boolean spansTenants() {
        return !tenants.isEmpty();
    }
}
