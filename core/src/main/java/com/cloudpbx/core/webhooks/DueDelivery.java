package com.cloudpbx.core.webhooks;

import java.util.Objects;

/** A delivery claimed for an attempt, with its webhook as it stood when claimed. */
public record DueDelivery(Delivery delivery, Webhook webhook) {

    public DueDelivery {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(webhook, "webhook");
    }
}
