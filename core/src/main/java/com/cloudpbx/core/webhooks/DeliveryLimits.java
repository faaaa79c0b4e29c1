package com.cloudpbx.core.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard this node delivers: at most {@code maxInFlight} attempts at once, at most
 * {@code perWebhook} of them to one webhook (so a slow receiver holds only its own slots), each
 * claim held for {@code lease} (longer than an attempt can take), and a webhook that failed every
 * delivery for {@code disableAfterFailing} made inactive.
 */
public record DeliveryLimits(int maxInFlight, int perWebhook, Duration lease, Duration disableAfterFailing) {

    public DeliveryLimits {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(disableAfterFailing, "disableAfterFailing");
        if (maxInFlight < 1 || perWebhook < 1) {
            throw new IllegalArgumentException("delivery limits are positive");
        }
    }
}
