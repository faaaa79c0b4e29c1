package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Login attempts ({@code voip.login.*}), made into core's {@code LoginLimits} for whichever login
 * throttle runs: this node's own buckets, or Redis's shared by every API node.
 *
 * @param attemptsPerAccountPerMinute attempts one account may take per minute
 * @param attemptsPerAddressPerMinute attempts one client address (or its block) may take per minute
 * @param trackedBuckets              accounts and addresses remembered at most, each kind, by a node counting in its own memory
 */
@Context
@ConfigurationProperties("voip.login")
public record LoginSettings(
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
