package com.cloudpbx.core.webhooks;

import java.time.Instant;
import java.util.Objects;

/**
 * One try at a delivery: when, the receiver's status code (null when none came: refused, timed out,
 * an address not allowed), how long it took, why it failed, and the start of the response body
 * (at most {@link #MAX_EXCERPT} characters).
 */
public record DeliveryAttempt(Instant at, Integer statusCode, long durationMillis, String error,
                              String responseExcerpt) {

    public static final int MAX_EXCERPT = 1024;

    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
        if (responseExcerpt != null && responseExcerpt.length() > MAX_EXCERPT) {
            responseExcerpt = responseExcerpt.substring(0, MAX_EXCERPT);
        }
    }

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
