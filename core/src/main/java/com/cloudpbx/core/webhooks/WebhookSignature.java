package com.cloudpbx.core.webhooks;

import java.util.Objects;

/**
 * The two signature headers of one delivery, each carrying one signature per secret in use (two
 * while a rotated secret still signs):
 *
 * @param legacy   {@code X-Webhook-Signature}: {@code sha256=<hex HMAC-SHA256(secret, raw body)>},
 *                 comma-separated
 * @param standard {@code webhook-signature} of Standard Webhooks: {@code v1,<base64 HMAC-SHA256 of
 *                 "id.timestamp.body">}, space-separated
 */
public record WebhookSignature(String legacy, String standard) {

    public WebhookSignature {
        Objects.requireNonNull(legacy, "legacy");
        Objects.requireNonNull(standard, "standard");
    }
}
