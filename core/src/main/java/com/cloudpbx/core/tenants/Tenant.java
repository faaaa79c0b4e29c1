package com.cloudpbx.core.tenants;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;

/** A customer company on the platform, with its own SIP domain. */
public record Tenant(TenantId id, String companyName, Subdomain subdomain, String sipDomain, TenantStatus status,
                     Instant createdAt, Instant updatedAt) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(sipDomain, "sipDomain");
        Objects.requireNonNull(status, "status");
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
