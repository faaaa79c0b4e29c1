package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import java.util.List;
import java.util.Map;

/** Entries to show, and when the listing spans tenants (a superadmin in none) the tenants they belong to. */
public record BlocklistListing(List<BlockedNumber> entries, Map<TenantId, Tenant> tenants) {

    public BlocklistListing {
        entries = List.copyOf(entries);
        tenants = Map.copyOf(tenants);
    }

    public boolean spansTenants() {
        return !tenants.isEmpty();
    }
}
