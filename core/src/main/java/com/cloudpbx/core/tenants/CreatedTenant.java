package com.cloudpbx.core.tenants;

import com.cloudpbx.core.identity.Account;

/** A new tenant and its first admin account. */
public record CreatedTenant(Tenant tenant, Account admin) {
}
