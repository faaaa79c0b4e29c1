package com.cloudpbx.core.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * What came of posting a delivery: the status code (null when no response came, with the reason in
 * {@code error}), how long it took, the start of the response body, and a {@code Retry-After} the
 * receiver asked for (null when none).
 */
public record AttemptResult(Integer statusCode, Duration duration, String error, String responseExcerpt,
                            Duration retryAfter) {

    public AttemptResult {
        Objects.requireNonNull(duration, "duration");
        if (statusCode == null && error == null) {
            throw new IllegalArgumentException("an attempt without a response says why");
        }
    }

    public static AttemptResult noResponse(String error, Duration duration) {
        return new AttemptResult(null, duration, error, null, null);
    }
}
