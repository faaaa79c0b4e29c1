package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.tenants.Tenant;

/** Who logged in: the principal to put in a token, and what to show about them. */
public record LoginResult(Principal principal, String displayName, String email, String extension, Tenant tenant) {
}
