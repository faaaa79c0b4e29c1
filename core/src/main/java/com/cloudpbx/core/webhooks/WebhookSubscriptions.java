package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import java.time.Duration;
import java.util.Set;

/**
 * Which events each tenant's active webhooks subscribe to, remembered so that the event stream of
 * a tenant without webhooks costs no database round trip. Every change of a tenant's webhooks
 * forgets its entry (on every node, where the caches are shared); an entry is kept a minute at most.
 */
public final class WebhookSubscriptions {

    private static final long TENANTS_REMEMBERED = 20_000;
    private static final Duration KEPT = Duration.ofMinutes(1);

    private final WebhookRepository webhooks;
    private final BoundedCache<TenantId, Set<String>> subscribed;

    public WebhookSubscriptions(WebhookRepository webhooks, BoundedCaches caches) {
        this.webhooks = webhooks;
        this.subscribed = caches.create("webhook-subscriptions", TENANTS_REMEMBERED, KEPT);
    }

    public boolean anySubscribes(TenantId tenant, String event) {
        return subscribed.get(tenant, t -> Set.copyOf(webhooks.subscribedEvents(t))).contains(event);
    }

    public void changed(TenantId tenant) {
        subscribed.invalidate(tenant);
    }
}
