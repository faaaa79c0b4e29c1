package com.cloudpbx.http.outbound;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.Set;

/**
 * Where and how webhook deliveries may connect ({@code voip.webhooks.*}).
 *
 * @param allowPrivateTargets   whether deliveries may reach private, loopback, link-local (cloud
 *                              metadata) and other refused addresses: for on-premise installs whose
 *                              receivers live on the local network, and for tests. The port check stays
 * @param allowedPorts          the ports a target may name, checked when a webhook is saved and again at
 *                              each delivery
 * @param connectTimeoutSeconds how long a delivery waits for the receiver's connection
 * @param readTimeoutSeconds    how long a delivery waits for the receiver's response once connected
 */
@Context
@ConfigurationProperties("voip.webhooks")
public record WebhookTargetSettings(
        @Bindable(defaultValue = "false")
        boolean allowPrivateTargets,
        @Bindable(defaultValue = "80,443,8080,8443")
        @NotEmpty(message = "VOIP_WEBHOOK_ALLOWED_PORTS must list at least one port, comma-separated")
        Set<@Min(value = 1, message = "VOIP_WEBHOOK_ALLOWED_PORTS must hold ports from 1 to 65535")
            @Max(value = 65535, message = "VOIP_WEBHOOK_ALLOWED_PORTS must hold ports from 1 to 65535")
            Integer> allowedPorts,
        @Bindable(defaultValue = "10")
        @Min(value = 1, message = "VOIP_WEBHOOK_CONNECT_TIMEOUT_SECONDS must be a whole number, 1 or more")
        int connectTimeoutSeconds,
        @Bindable(defaultValue = "10")
        @Min(value = 1, message = "VOIP_WEBHOOK_READ_TIMEOUT_SECONDS must be a whole number, 1 or more")
        int readTimeoutSeconds) {

    public WebhookTargetSettings {
        allowedPorts = allowedPorts == null ? Set.of() : Set.copyOf(allowedPorts);
    }
}
