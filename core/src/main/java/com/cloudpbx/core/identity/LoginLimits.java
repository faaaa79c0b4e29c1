package com.cloudpbx.core.identity;

/**
 * How many login attempts the {@link com.cloudpbx.core.identity.port.LoginThrottle} allows: each
 * account and each client address (an IPv6 one as its /64) has a budget of this many per minute,
 * refilled continuously.
 *
 * @param perAccountPerMinute attempts one account may take per minute
 * @param perAddressPerMinute attempts one client address may take per minute
 * @param trackedBuckets      accounts and addresses a throttle holding its buckets in memory remembers at most, each kind
 */
public record LoginLimits(int perAccountPerMinute, int perAddressPerMinute, long trackedBuckets) {

    public LoginLimits {
        if (perAccountPerMinute < 1 || perAddressPerMinute < 1) {
            throw new IllegalArgumentException("login attempts per minute must be at least 1");
        }
        if (trackedBuckets < 1) {
            throw new IllegalArgumentException("at least one bucket must be tracked");
        }
    }
}
