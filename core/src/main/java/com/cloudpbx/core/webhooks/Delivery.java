package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One event on its way to one webhook: the body exactly as it is posted (the same on every attempt),
 * its status and attempts, oldest first. {@code nextAttemptAt} is when a pending delivery is due.
 */
public record Delivery(
        UUID id,
        UUID webhookId,
        TenantId tenant,
        UUID eventId,
        String event,
        String body,
        DeliveryStatus status,
        int attemptCount,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<DeliveryAttempt> attempts) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        attempts = List.copyOf(attempts);
    }

    public Delivery withAttempts(List<DeliveryAttempt> loaded) {
        return new Delivery(id, webhookId, tenant, eventId, event, body, status, attemptCount, createdAt,
                nextAttemptAt, deliveredAt, loaded);
    }
}
