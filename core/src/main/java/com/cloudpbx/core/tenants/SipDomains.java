package com.cloudpbx.core.tenants;

import java.util.Locale;
import java.util.Objects;

/** Derives each tenant's SIP domain from its subdomain and the platform's domain suffix. */
public record SipDomains(String suffix) {

    public SipDomains {
        Objects.requireNonNull(suffix, "suffix");
        suffix = suffix.strip().toLowerCase(Locale.ROOT);
        if (suffix.startsWith(".")) {
            suffix = suffix.substring(1);
        }
        if (suffix.isEmpty()) {
            throw new IllegalArgumentException("VOIP_SIP_DOMAIN_SUFFIX must not be empty");
        }
    }

    public String domainFor(Subdomain subdomain) {
        return subdomain.value() + "." + suffix;
    }
}
