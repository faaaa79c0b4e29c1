package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import java.util.List;
import java.util.Map;

/**
 * Extensions visible to the actor; when the listing spans tenants (a superadmin acting in none),
 * {@code tenants} holds each extension's tenant so it can be named.
 */
public record ExtensionListing(List<Extension> extensions, Map<TenantId, Tenant> tenants) {

    public ExtensionListing {
        extensions = List.copyOf(extensions);
        tenants = Map.copyOf(tenants);
    }

    public boolean spansTenants() {
        return !tenants.isEmpty();
    }
}
