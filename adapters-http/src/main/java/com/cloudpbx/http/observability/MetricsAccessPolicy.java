package com.cloudpbx.http.observability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;

import java.net.InetAddress;

/**
 * Who may read /metrics: a scraper on the same host without credentials, anyone else only as a
 * superadmin. Kept apart from the security rule so the decision can be tested without a network.
 * <p>
 * The address is the client's as {@link com.cloudpbx.http.network.ClientAddresses} decides it: the TCP
 * peer, or behind a trusted proxy the client the proxy names; a forwarding header from anyone else is
 * ignored, since any client could forge one. A reverse proxy on the same host that is not listed in
 * {@code VOIP_TRUSTED_PROXIES} makes every request look local, so such a proxy must not forward /metrics.
 */
final class MetricsAccessPolicy {

    static final String SUPERADMIN_ROLE = "superadmin";

    private MetricsAccessPolicy() {
    }

    static SecurityRuleResult decide(@Nullable InetAddress peer, @Nullable Authentication authentication) {
        if (peer != null && peer.isLoopbackAddress()) {
            return SecurityRuleResult.ALLOWED;
        }
        if (authentication != null && authentication.getRoles().contains(SUPERADMIN_ROLE)) {
            return SecurityRuleResult.ALLOWED;
        }
        // Micronaut Security answers 401 when authentication is null and 403 otherwise
        return SecurityRuleResult.REJECTED;
    }
}
