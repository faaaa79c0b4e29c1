package com.cloudpbx.http.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Login attempts ({@code voip.login.*}), see {@link Bucket4jLoginThrottle}.
 *
 * @param attemptsPerAccountPerMinute attempts one account may take per minute
 * @param attemptsPerAddressPerMinute attempts one client address (or its block) may take per minute
 * @param trackedBuckets              accounts and addresses remembered at most, each kind
 */
@Context
@ConfigurationProperties("voip.login")
public record LoginThrottleSettings(
        @Bindable(defaultValue = "10")
        @Min(value = 1, message = "VOIP_LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE must be a whole number, 1 or more")
        int attemptsPerAccountPerMinute,
        @Bindable(defaultValue = "60")
        @Min(value = 1, message = "VOIP_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE must be a whole number, 1 or more")
        int attemptsPerAddressPerMinute,
        @Bindable(defaultValue = "100000")
        @Min(value = 1, message = "VOIP_LOGIN_TRACKED_BUCKETS must be a whole number, 1 or more")
        long trackedBuckets) {
}
