package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * @param leaseSeconds how long an Idempotency-Key stays reserved by a request that never finished
 *                     ({@code voip.idempotency.lease-seconds}); keys are kept for a day, so a longer
 *                     lease would never run out
 */
@Context
@ConfigurationProperties("voip.idempotency")
public record IdempotencySettings(
        @Bindable(defaultValue = "60")
        @Min(value = 1, message = LEASE) @Max(value = 86_400, message = LEASE) long leaseSeconds) {

    static final String LEASE = "VOIP_IDEMPOTENCY_LEASE_SECONDS must be a whole number from 1 to 86400";

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }
}
