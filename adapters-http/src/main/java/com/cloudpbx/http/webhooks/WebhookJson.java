package com.cloudpbx.http.webhooks;

import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.webhooks.Delivery;
import com.cloudpbx.core.webhooks.DeliveryAttempt;
import com.cloudpbx.core.webhooks.Webhook;
import com.cloudpbx.http.shared.Pagination;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook bodies: requests in camelCase, the webhook and its deliveries in snake_case as stored rows
 * are ({@code hasSecret} camelCase, as the SDK shows it).
 */
public final class WebhookJson {

    /**
     * What a principal that may not change webhooks sees of each custom header value: the headers
     * often carry the receiver's own credentials, which reading the configuration must not hand out.
     */
    static final String MASKED = "********";

    private WebhookJson() {
    }

    /**
     * A webhook. {@code secret} is present only in the create and rotate-secret answers;
     * {@code previous_secret_expires_at} is null unless a rotated-out secret still signs;
     * {@code tenants} only in a listing that spans tenants.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WebhookView(
            String id,
            @JsonProperty("tenant_id") String tenantId,
            String name,
            String url,
            List<String> events,
            boolean active,
            boolean hasSecret,
            Map<String, String> headers,
            @JsonProperty("max_retries") int maxRetries,
            @JsonProperty("retry_delay_seconds") int retryDelaySeconds,
            @JsonProperty("failing_since") @Nullable String failingSince,
            @JsonProperty("disabled_reason") @Nullable String disabledReason,
            @JsonProperty("disabled_at") @Nullable String disabledAt,
            @JsonProperty("previous_secret_expires_at") @Nullable String previousSecretExpiresAt,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {

        /**
         * @param showHeaderValues whether the reader may change webhooks (and so sees header values)
         * @param secret           the secret in clear, for the create and rotate answers only
         * @param spanningTenant   the owner, when the listing spans tenants
         */
        static WebhookView of(Webhook webhook, boolean showHeaderValues, Instant now, @Nullable String secret,
                              @Nullable Tenant spanningTenant) {
            Map<String, String> headers = new LinkedHashMap<>();
            webhook.headers().values().forEach((name, value) -> headers.put(name, showHeaderValues ? value : MASKED));
            return new WebhookView(webhook.id().toString(), webhook.tenant().toString(), webhook.name(),
                    webhook.target().toString(), List.copyOf(webhook.events()), webhook.active(), true, headers,
                    webhook.maxRetries(), webhook.retryDelaySeconds(), Times.iso(webhook.failingSince()),
                    webhook.disabledReason(), Times.iso(webhook.disabledAt()),
                    webhook.previousSecretSigns(now) ? Times.iso(webhook.previousSecretUntil()) : null,
                    Times.iso(webhook.createdAt()), Times.iso(webhook.updatedAt()), secret,
                    spanningTenant == null ? null : new TenantRef(spanningTenant.id().toString(),
                            spanningTenant.companyName(), spanningTenant.subdomain().value()));
        }
    }

    /** The owning tenant, added when a listing spans tenants. */
    @Serdeable
    public record TenantRef(String id, @JsonProperty("company_name") String companyName, String subdomain) {
    }

    /**
     * One delivery: {@code payload} is the body posted (the same on every attempt), as JSON;
     * {@code attempts} oldest first.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeliveryView(
            String id,
            @JsonProperty("webhook_id") String webhookId,
            @JsonProperty("event_id") String eventId,
            String event,
            String status,
            @JsonProperty("attempt_count") int attemptCount,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("next_attempt_at") @Nullable String nextAttemptAt,
            @JsonProperty("delivered_at") @Nullable String deliveredAt,
            Object payload,
            List<AttemptView> attempts) {

        static DeliveryView of(Delivery delivery, Object payload) {
            return new DeliveryView(delivery.id().toString(), delivery.webhookId().toString(),
                    delivery.eventId().toString(), delivery.event(), delivery.status().wireName(),
                    delivery.attemptCount(), Times.iso(delivery.createdAt()), Times.iso(delivery.nextAttemptAt()),
                    Times.iso(delivery.deliveredAt()), payload,
                    delivery.attempts().stream().map(AttemptView::of).toList());
        }
    }

    /** One try: {@code status_code} is null when no answer came (refused, timed out, address not allowed). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AttemptView(
            String at,
            @JsonProperty("status_code") @Nullable Integer statusCode,
            @JsonProperty("duration_ms") long durationMs,
            @Nullable String error,
            @JsonProperty("response_excerpt") @Nullable String responseExcerpt) {

        static AttemptView of(DeliveryAttempt attempt) {
            return new AttemptView(Times.iso(attempt.at()), attempt.statusCode(), attempt.durationMillis(),
                    attempt.error(), attempt.responseExcerpt());
        }
    }

    /** Documents the create body; the controller reads it field by field to name the field at fault. */
    @Serdeable
    public record CreateWebhookRequest(@Nullable String name, @Nullable String url, @Nullable List<String> events,
                                       @Nullable String secret, @Nullable Map<String, String> headers,
                                       @Nullable Integer maxRetries, @Nullable Integer retryDelaySeconds,
                                       @Nullable Boolean active) {

        @Override
        public String toString() {
            return "CreateWebhookRequest[" + name + "]";
        }
    }

    /** Documents the partial update; the secret changes only through rotate-secret. */
    @Serdeable
    public record UpdateWebhookRequest(@Nullable String name, @Nullable String url, @Nullable List<String> events,
                                       @Nullable Map<String, String> headers, @Nullable Integer maxRetries,
                                       @Nullable Integer retryDelaySeconds, @Nullable Boolean active) {
    }

    /** Documents the rotate-secret body: a chosen secret, or nothing to have one generated. */
    @Serdeable
    public record RotateSecretRequest(@Nullable String secret) {

        @Override
        public String toString() {
            return "RotateSecretRequest[***]";
        }
    }

    @Serdeable
    public record WebhookList(List<WebhookView> webhooks, List<String> supportedEvents) {
    }

    @Serdeable
    public record WebhookBody(WebhookView webhook) {
    }

    @Serdeable
    public record MessageWithWebhook(String message, WebhookView webhook) {
    }

    @Serdeable
    public record TestBody(String message, boolean success, DeliveryView delivery) {
    }

    @Serdeable
    public record DeliveryPage(List<DeliveryView> deliveries, Pagination pagination) {
    }

    @Serdeable
    public record MessageWithDelivery(String message, DeliveryView delivery) {
    }
}
