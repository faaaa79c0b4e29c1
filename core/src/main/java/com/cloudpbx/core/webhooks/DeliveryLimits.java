package com.cloudpbx.core.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard this node delivers: at most {@code maxInFlight} deliveries taken at once (under way or
 * waiting for a slot), at most {@code perWebhook} attempts at once to one webhook (so a slow receiver
 * holds only its own slots), each attempt taking at most {@code attemptBudget} (its connect and read
 * timeouts), each claim held for {@code lease}, which must outlast an attempt, and a webhook that
 * failed every delivery for {@code disableAfterFailing} made inactive.
 */
public record DeliveryLimits(int maxInFlight, int perWebhook, Duration attemptBudget, Duration lease,
                             Duration disableAfterFailing) {

    public DeliveryLimits {
        Objects.requireNonNull(attemptBudget, "attemptBudget");
        Objects.requireNonNull(lease, "lease");
        if (lease.compareTo(attemptBudget) <= 0) {
            throw new IllegalArgumentException("a claim outlasts an attempt");
        }
        Objects.requireNonNull(disableAfterFailing, "disableAfterFailing");
        if (maxInFlight < 1 || perWebhook < 1) {
            throw new IllegalArgumentException("delivery limits are positive");
        }
    }
}
