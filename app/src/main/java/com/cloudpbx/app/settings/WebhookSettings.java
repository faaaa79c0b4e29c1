package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * How each node delivers webhooks ({@code voip.webhooks.delivery.*}); where deliveries may go is
 * {@code voip.webhooks.*}.
 *
 * @param maxInFlight              attempts this node makes at once, across every webhook
 * @param perWebhook               attempts this node makes at once to one webhook, so that a slow receiver holds only its own share
 * @param disableAfterFailingHours a webhook whose deliveries have all failed for this long is disabled
 * @param retentionDays            delivered and failed deliveries are kept this long in the delivery log
 * @param maxPerTenant             webhooks one tenant may have
 * @param pollMillis               how often a node looks for deliveries another node stored or whose retry is due
 */
@Context
@ConfigurationProperties("voip.webhooks.delivery")
public record WebhookSettings(
        @Bindable(defaultValue = "256")
        @Min(value = 1, message = "VOIP_WEBHOOKS_DELIVERY_MAX_IN_FLIGHT must be a whole number, 1 or more")
        int maxInFlight,
        @Bindable(defaultValue = "16")
        @Min(value = 1, message = "VOIP_WEBHOOKS_DELIVERY_PER_WEBHOOK must be a whole number, 1 or more")
        int perWebhook,
        @Bindable(defaultValue = "72")
        @Min(value = 1, message = "VOIP_WEBHOOKS_DELIVERY_DISABLE_AFTER_FAILING_HOURS must be a whole number, 1 or more")
        int disableAfterFailingHours,
        @Bindable(defaultValue = "7")
        @Min(value = 1, message = "VOIP_WEBHOOKS_DELIVERY_RETENTION_DAYS must be a whole number, 1 or more")
        int retentionDays,
        @Bindable(defaultValue = "50")
        @Min(value = 1, message = "VOIP_WEBHOOKS_DELIVERY_MAX_PER_TENANT must be a whole number, 1 or more")
        int maxPerTenant,
        @Bindable(defaultValue = "500")
        @Min(value = 10, message = "VOIP_WEBHOOKS_DELIVERY_POLL_MILLIS must be a whole number, 10 or more")
        int pollMillis) {
}
