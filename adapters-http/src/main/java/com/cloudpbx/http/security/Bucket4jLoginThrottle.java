package com.cloudpbx.http.security;

import com.cloudpbx.core.identity.LoginThrottle;
import com.cloudpbx.core.shared.DomainException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login attempts allowed per account and per client address, each a token bucket refilled every
 * minute. Buckets live in this node's memory: behind N nodes an attacker gets at most N times the
 * budget, which still stops brute force.
 */
@Singleton
public class Bucket4jLoginThrottle implements LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final int perAccount;
    private final int perAddress;

    public Bucket4jLoginThrottle(@Value("${voip.login.attempts-per-account-per-minute:10}") int perAccount,
                                 @Value("${voip.login.attempts-per-address-per-minute:60}") int perAddress) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    @Override
    public void acquire(String account, String clientAddress) {
        take(addresses, String.valueOf(clientAddress), perAddress, "from this address");
        take(accounts, account, perAccount, "for this account");
    }

    private static void take(ConcurrentHashMap<String, Bucket> buckets, String key, int perMinute, String what) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw DomainException.rateLimited("Too many login attempts " + what + "; try again in "
                    + Math.max(1, wait.toSeconds() + 1) + " seconds", wait);
        }
    }
}
