package com.cloudpbx.core.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers of a delivery: the webhook's custom ones first, then the platform's, which they can
 * never replace — {@code X-Webhook-Event}, {@code X-Webhook-Id} (the event's id, the same on every
 * retry), {@code X-Webhook-Timestamp} (this attempt's time, epoch seconds),
 * {@code X-Webhook-Signature: sha256=<hex>} and Standard Webhooks' {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature: v1,<base64>}, each signature once per
 * secret in use.
 */
public final class DeliveryHeaders {

    public static final String USER_AGENT = "CloudPBX-Webhooks/1";

    private final WebhookSigner signer;

    public DeliveryHeaders(WebhookSigner signer) {
        this.signer = signer;
    }

    public Map<String, String> of(Webhook webhook, Delivery delivery, List<String> secrets, long timestamp,
                                  byte[] body) {
        String id = delivery.eventId().toString();
        WebhookSignature signature = signer.sign(secrets, id, timestamp, body);
        Map<String, String> headers = new LinkedHashMap<>(webhook.headers().values());
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-Webhook-Event", delivery.event());
        headers.put("X-Webhook-Id", id);
        headers.put("X-Webhook-Timestamp", Long.toString(timestamp));
        headers.put("X-Webhook-Signature", signature.legacy());
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature.standard());
        return headers;
    }
}
