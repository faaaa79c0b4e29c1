package com.cloudpbx.core.webhooks;

/** A webhook and its secret in clear, as the create and rotate responses alone show it. */
public record WebhookWithSecret(Webhook webhook, String secret) {
}
