package com.cloudpbx.storage.secrets;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Account password hashing ({@code voip.bcrypt.*}).
 *
 * @param cost        the bcrypt cost factor
 * @param concurrency hashes at once; 0: one per core
 * @param queueWaitMs how long a login waits for a free slot before it is refused as busy
 */
@Context
@ConfigurationProperties("voip.bcrypt")
public record PasswordHashSettings(
        @Bindable(defaultValue = "12")
        @Min(value = 4, message = COST) @Max(value = 31, message = COST) int cost,
        @Bindable(defaultValue = "0")
        @Min(value = 0, message = "VOIP_BCRYPT_CONCURRENCY must be a whole number, 0 (one per core) or more")
        int concurrency,
        @Bindable(defaultValue = "1000")
        @Min(value = 0, message = "VOIP_BCRYPT_QUEUE_WAIT_MS must be a whole number, 0 or more")
        long queueWaitMs) {

    static final String COST = "VOIP_BCRYPT_COST must be a whole number from 4 to 31";

    public int slots() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }

    public Duration queueWait() {
        return Duration.ofMillis(queueWaitMs);
    }
}
