package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.MapBoundedCaches;
import com.cloudpbx.core.shared.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook use cases over maps, for the tests of the contexts that raise events; and webhooks and
 * deliveries for the webhooks tests, every field but the ones a test is about fixed.
 */
public final class WebhookFixtures {

    static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    private WebhookFixtures() {
    }

    /** Raises events into an empty store: no webhook subscribes, nothing is stored. */
    public static RaiseWebhookEvents noneSubscribed() {
        var webhooks = new MapWebhookRepository();
        return raisingInto(webhooks, new MapWebhookOutbox(webhooks));
    }

    public static RaiseWebhookEvents raisingInto(MapWebhookRepository webhooks, MapWebhookOutbox outbox) {
        return new RaiseWebhookEvents(outbox, new WebhookSubscriptions(webhooks, new MapBoundedCaches(Clock.systemUTC())),
                new DeliveryDemand());
    }

    static Webhook webhook(int maxRetries, int retryDelaySeconds, CustomHeaders headers) {
        return new Webhook(UUID.fromString("00000000-0000-0000-0000-00000000aaaa"),
                TenantId.of(UUID.fromString("00000000-0000-0000-0000-00000000bbbb")), "crm",
                new WebhookTarget(URI.create("https://crm.example.com/hooks")), Set.of("call.start"), true, headers,
                maxRetries, retryDelaySeconds, "encrypted", null, null, null, null, null, CREATED, CREATED);
    }

    static Webhook webhook(int maxRetries, int retryDelaySeconds) {
        return webhook(maxRetries, retryDelaySeconds, CustomHeaders.NONE);
    }

    static Webhook webhook(CustomHeaders headers) {
        return webhook(Webhook.DEFAULT_MAX_RETRIES, Webhook.DEFAULT_RETRY_DELAY_SECONDS, headers);
    }

    static Delivery delivery(UUID eventId, String event, String body) {
        return new Delivery(UUID.fromString("00000000-0000-0000-0000-00000000cccc"),
                UUID.fromString("00000000-0000-0000-0000-00000000aaaa"),
                TenantId.of(UUID.fromString("00000000-0000-0000-0000-00000000bbbb")), eventId, event, body,
                DeliveryStatus.PENDING, 0, CREATED, CREATED, null, List.of());
    }

    static CustomHeaders headers(Map<String, String> values) {
        return new CustomHeaders(values);
    }
}
