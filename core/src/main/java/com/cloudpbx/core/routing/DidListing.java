package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import java.util.List;
import java.util.Map;

/** DIDs visible to the actor; when the listing spans tenants, {@code tenants} names each DID's tenant. */
public record DidListing(List<Did> dids, Map<TenantId, Tenant> tenants) {

    public DidListing {
        dids = List.copyOf(dids);
        tenants = Map.copyOf(tenants);
    }

    public boolean spansTenants() {
        return !tenants.isEmpty();
    }
}
