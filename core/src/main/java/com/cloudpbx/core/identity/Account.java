package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.EmailAddress;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A person who logs in with e-mail and password; the password is kept only as a slow hash. */
public record Account(UUID id, TenantId tenant, AccountKind kind, EmailAddress email, String displayName,
                      String passwordHash, AccountStatus status, Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        if ((kind == AccountKind.ADMIN) != (tenant != null)) {
            throw new IllegalArgumentException("admins belong to a tenant, superadmins to none");
        }
    }

    public Principal principal() {
        return kind == AccountKind.SUPERADMIN
                ? new Principal(id, PrincipalKind.SUPERADMIN, Role.SUPERADMIN, null, null, Set.of())
                : new Principal(id, PrincipalKind.ADMIN, Role.ADMIN, tenant, null, Set.of());
    }
}
