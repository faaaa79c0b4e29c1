package com.cloudpbx.core.routing;

import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.Locale;
import java.util.Optional;

/** Finds the active tenant a media server's request is about, by its SIP domain (case-insensitive, as DNS is). */
final class SipDomainTenants {

    private final TenantRepository tenants;

    SipDomainTenants(TenantRepository tenants) {
        this.tenants = tenants;
    }

    Optional<Tenant> active(String sipDomain) {
        if (sipDomain == null || sipDomain.isBlank()) {
            return Optional.empty();
        }
        return tenants.findBySipDomain(sipDomain.strip().toLowerCase(Locale.ROOT)).filter(Tenant::isActive);
    }
}
