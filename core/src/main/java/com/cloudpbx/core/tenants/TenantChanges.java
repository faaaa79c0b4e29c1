package com.cloudpbx.core.tenants;

import com.cloudpbx.core.shared.Change;

/** A partial update of a tenant. */
public record TenantChanges(Change<String> companyName, Change<String> subdomain, Change<String> status) {
}
