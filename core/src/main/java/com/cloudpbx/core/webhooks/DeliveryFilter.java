package com.cloudpbx.core.webhooks;

import java.util.Optional;

/** Which of a webhook's deliveries a listing shows: all, or those of one status and/or event. */
public record DeliveryFilter(Optional<DeliveryStatus> status, Optional<String> event) {

    public static final DeliveryFilter ALL = new DeliveryFilter(Optional.empty(), Optional.empty());
}
