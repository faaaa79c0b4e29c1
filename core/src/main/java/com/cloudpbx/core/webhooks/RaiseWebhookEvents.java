package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;

/**
 * Takes every event the platform raises and stores one delivery for each webhook of the tenant
 * subscribed to it. Called inside the transaction of the change that raised the event (or, for the
 * media server's events, before the next event is taken), so a stored change always has its
 * deliveries; a tenant without a subscribed webhook costs nothing.
 */
public final class RaiseWebhookEvents {

    private final WebhookOutbox outbox;
    private final WebhookSubscriptions subscriptions;
    private final DeliveryDemand demand;

    public RaiseWebhookEvents(WebhookOutbox outbox, WebhookSubscriptions subscriptions, DeliveryDemand demand) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.demand = demand;
    }

    public void raise(WebhookEvent event) {
        if (!subscriptions.anySubscribes(event.tenant(), event.name())) {
            return;
        }
        if (outbox.append(event) > 0) {
            demand.signal();
        }
    }

    public void raise(TenantEvent event) {
        raise(WebhookEvent.of(event));
    }
}
