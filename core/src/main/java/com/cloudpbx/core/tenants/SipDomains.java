package com.cloudpbx.core.tenants;

import com.cloudpbx.core.shared.DomainException;
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

    /** Registrars key accounts on (username, domain) with the domain at most 64 characters long. */
    public static final int MAX_DOMAIN_LENGTH = 64;

    public String domainFor(Subdomain subdomain) {
        String domain = subdomain.value() + "." + suffix;
        if (domain.length() > MAX_DOMAIN_LENGTH) {
            throw DomainException.invalid("subdomain", "must be at most "
                    + (MAX_DOMAIN_LENGTH - suffix.length() - 1) + " characters on this platform");
        }
        return domain;
    }
}
