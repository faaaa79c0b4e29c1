package com.cloudpbx.http.outbound;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says loudly, once at startup, that webhook deliveries may reach the server's own network: an
 * operator who left the setting on in a cloud install lets any tenant probe it.
 */
@Context
@Requires(property = "voip.webhooks.allow-private-targets", value = "true")
public final class PrivateTargetsWarning {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateTargetsWarning.class);

    public PrivateTargetsWarning() {
        LOG.warn("VOIP_WEBHOOK_ALLOW_PRIVATE_TARGETS is on: webhook deliveries may reach private, loopback and"
                + " cloud metadata (169.254.169.254) addresses. This is for on-premise installs and tests only;"
                + " turn it off on any server tenants can reach.");
    }
}
