package com.cloudpbx.core.webhooks;

import java.util.Objects;
import java.util.Set;

/** What this installation lets webhooks be: the ports a target may name, and how many a tenant may have. */
public record WebhookRules(Set<Integer> allowedPorts, int maxPerTenant) {

    public WebhookRules {
        allowedPorts = Set.copyOf(Objects.requireNonNull(allowedPorts, "allowedPorts"));
        if (maxPerTenant < 1) {
            throw new IllegalArgumentException("a tenant may have at least one webhook");
        }
    }
}
