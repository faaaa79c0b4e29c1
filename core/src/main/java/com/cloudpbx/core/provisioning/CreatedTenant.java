package com.cloudpbx.core.provisioning;

import com.cloudpbx.core.identity.Account;
import com.cloudpbx.core.tenants.Tenant;

/** A new tenant and its first admin account. */
public record CreatedTenant(Tenant tenant, Account admin) {
}
