package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.tenants.Tenant;

/** The calling principal described for display, with the tenant it acts in (null for none). */
public record Me(Principal principal, String displayName, String email, String extension, String keyName,
                 Tenant tenant) {
}
