package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import java.util.List;
import java.util.Map;

/** Webhooks as listed; {@code tenants} names their tenants when the listing spans tenants (a superadmin's). */
public record WebhookListing(List<Webhook> webhooks, Map<TenantId, Tenant> tenants) {

    public boolean spansTenants() {
        return !tenants.isEmpty();
    }
}
