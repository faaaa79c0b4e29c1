package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.MapBoundedCaches;
import java.time.Clock;

/** Webhook use cases over maps, for the tests of the contexts that raise events. */
public final class WebhookFixtures {

    private WebhookFixtures() {
    }

    /** Raises events into a tenantless store: no webhook subscribes, nothing is stored. */
    public static RaiseWebhookEvents noneSubscribed() {
        var webhooks = new MapWebhookRepository();
        return raisingInto(webhooks, new MapWebhookOutbox(webhooks));
    }

    public static RaiseWebhookEvents raisingInto(MapWebhookRepository webhooks, MapWebhookOutbox outbox) {
        return new RaiseWebhookEvents(outbox, new WebhookSubscriptions(webhooks, new MapBoundedCaches(Clock.systemUTC())),
                new DeliveryDemand());
    }
}
