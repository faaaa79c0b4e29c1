package com.cloudpbx.storage.postgres.webhooks;

import com.cloudpbx.core.webhooks.DeliveryAttempt;
import com.cloudpbx.core.webhooks.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;

/** An attempt to record and what follows it for its delivery, as {@code WebhookOutbox.recordAttempt} takes them. */
public record RecordedAttempt(UUID deliveryId, DeliveryAttempt attempt, DeliveryStatus next, Instant nextAttemptAt) {
}
