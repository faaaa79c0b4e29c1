package com.cloudpbx.storage.redis;

import com.cloudpbx.core.identity.LoginLimits;
import com.cloudpbx.core.identity.port.LoginThrottle;
import com.cloudpbx.core.shared.AddressBlocks;
import com.cloudpbx.core.shared.Sha256;
import com.cloudpbx.storage.memory.Bucket4jLoginThrottle;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Login attempts allowed per account and per client address, shared by every API node on the
 * Redis: the same token buckets as {@link Bucket4jLoginThrottle} (capacity N, refilled
 * continuously at N a minute), each a hash {@code <prefix>:login:<account|address>:<sha256>}
 * updated by one Lua script on Redis's own clock, so attempts through any node take from one
 * budget. A bucket left alone for a minute is full again and expires then. While Redis fails,
 * each node counts in its own buckets ({@link LocalWhileRedisFails}).
 */
@Singleton
@Requires(property = RedisSettings.URL)
public final class RedisLoginThrottle implements LoginThrottle {

    /** Takes one token if there is one; answers {1, 0} when taken, {0, ms until one is back} when not. */
    private static final RedisScript TAKE = new RedisScript("""
            local capacity = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(held[1])
            local at = tonumber(held[2])
            if tokens == nil or at == nil then
              tokens = capacity
              at = now
            elseif now > at then
              tokens = math.min(capacity, tokens + (now - at) * capacity / period)
              at = now
            end
            local taken = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              taken = 1
            else
              wait = math.ceil((1 - tokens) * period / capacity)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
            redis.call('PEXPIRE', KEYS[1], period)
            return {taken, wait}
            """);

    private final RedisConnections redis;
    private final LoginLimits limits;
    private final LoginThrottle local;
    private final LocalWhileRedisFails fallback;

    @Inject
    public RedisLoginThrottle(RedisConnections redis, LoginLimits limits) {
        this(redis, limits, new Bucket4jLoginThrottle(limits));
    }

    RedisLoginThrottle(RedisConnections redis, LoginLimits limits, LoginThrottle local) {
        this.redis = redis;
        this.limits = limits;
        this.local = local;
        this.fallback = new LocalWhileRedisFails("login attempts", redis);
    }

    @Override
    public void acquire(String account, String clientAddress) {
        fallback.call(() -> {
            take("address", AddressBlocks.of(clientAddress), limits.perAddressPerMinute(), "from this address");
            take("account", account, limits.perAccountPerMinute(), "for this account");
            return null;
        }, () -> {
            local.acquire(account, clientAddress);
            return null;
        });
    }

    private void take(String kind, String name, int perMinute, String what) {
        List<Long> reply = TAKE.run(redis, ScriptOutputType.MULTI,
                new String[] {redis.keys().of("login", kind, Sha256.hex(name))},
                Integer.toString(perMinute), Long.toString(Bucket4jLoginThrottle.REFILL.toMillis()));
        if (reply.get(0) != 1L) {
            throw Bucket4jLoginThrottle.tooManyAttempts(what, Duration.ofMillis(reply.get(1)));
        }
    }

    /** True while attempts are counted on this node alone because Redis fails. */
    boolean countingLocally() {
        return fallback.failing();
    }
}
