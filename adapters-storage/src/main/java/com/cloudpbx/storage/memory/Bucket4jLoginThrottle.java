package com.cloudpbx.storage.memory;

import com.cloudpbx.core.identity.LoginLimits;
import com.cloudpbx.core.identity.port.LoginThrottle;
import com.cloudpbx.core.shared.AddressBlocks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Sha256;
import com.cloudpbx.storage.redis.RedisSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Login attempts allowed per account and per client address, each a token bucket refilled every
 * minute. Buckets live in this node's memory: behind N nodes an attacker gets at most N times the
 * budget, which still stops brute force. The default while no Redis is configured, and what
 * {@code RedisLoginThrottle} counts in while Redis is away. An IPv6 client counts as its /64
 * ({@link AddressBlocks}).
 * <p>
 * Each kind of bucket is a size-bounded LRU keyed by the SHA-256 of the account or address, so
 * attacker-chosen names are not held as given and a flood of new names evicts only the least
 * recently used buckets, never the one of an account under attack. A bucket unused for a minute
 * is full again, so forgetting it then loses nothing.
 */
@Singleton
@Requires(missingProperty = RedisSettings.URL)
public class Bucket4jLoginThrottle implements LoginThrottle {

    /** Every bucket refills its whole capacity in this time. */
    public static final Duration REFILL = Duration.ofMinutes(1);

    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;
    private final int perAccount;
    private final int perAddress;

    @Inject
    public Bucket4jLoginThrottle(LoginLimits limits) {
        this(limits.perAccountPerMinute(), limits.perAddressPerMinute(), limits.trackedBuckets());
    }

    Bucket4jLoginThrottle(int perAccount, int perAddress, long tracked) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.accounts = buckets(tracked);
        this.addresses = buckets(tracked);
    }

    @Override
    public void acquire(String account, String clientAddress) {
        take(addresses, AddressBlocks.of(clientAddress), perAddress, "from this address");
        take(accounts, account, perAccount, "for this account");
    }

    /** The refusal every login throttle answers, {@code what} being "for this account" or "from this address". */
    public static DomainException tooManyAttempts(String what, Duration wait) {
        return DomainException.rateLimited("Too many login attempts " + what + "; try again in "
                + Math.max(1, wait.toSeconds() + 1) + " seconds", wait);
    }

    /** How many buckets are held, accounts and addresses together. */
    long trackedBuckets() {
        accounts.cleanUp();
        addresses.cleanUp();
        return accounts.estimatedSize() + addresses.estimatedSize();
    }

    private static Cache<String, Bucket> buckets(long maximumSize) {
        return Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(REFILL).build();
    }

    private static void take(Cache<String, Bucket> buckets, String key, int perMinute, String what) {
        Bucket bucket = buckets.get(Sha256.hex(key), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, REFILL).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooManyAttempts(what, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
