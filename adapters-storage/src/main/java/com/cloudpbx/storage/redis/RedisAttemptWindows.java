package com.cloudpbx.storage.redis;

import com.cloudpbx.core.shared.AttemptWindow;
import com.cloudpbx.core.shared.port.AttemptWindows;
import com.cloudpbx.storage.memory.CaffeineAttemptWindows;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Attempt windows shared by every API node on the Redis: one counter per key
 * ({@code <prefix>:attempts:<key>}) that the first attempt creates with the window's length as its
 * expiry, counted and read by one Lua script each, so concurrent attempts through any node add up
 * exactly and the window ends when Redis drops the key. While Redis fails, windows are counted in
 * this node's memory ({@link LocalWhileRedisFails}).
 */
@Singleton
@Requires(property = RedisSettings.URL)
public final class RedisAttemptWindows implements AttemptWindows {

    private static final RedisScript COUNT = new RedisScript("""
            local attempts = redis.call('INCR', KEYS[1])
            local left = redis.call('PTTL', KEYS[1])
            if attempts == 1 or left < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              left = tonumber(ARGV[1])
            end
            return {attempts, left}
            """);
    private static final RedisScript CURRENT = new RedisScript("""
            local attempts = redis.call('GET', KEYS[1])
            local left = redis.call('PTTL', KEYS[1])
            if not attempts or left < 0 then
              return {0, 0}
            end
            return {tonumber(attempts), left}
            """);

    private final RedisConnections redis;
    private final Clock clock;
    private final AttemptWindows local;
    private final LocalWhileRedisFails fallback;

    @Inject
    public RedisAttemptWindows(RedisConnections redis, Clock clock) {
        this(redis, clock, new CaffeineAttemptWindows(clock));
    }

    RedisAttemptWindows(RedisConnections redis, Clock clock, AttemptWindows local) {
        this.redis = redis;
        this.clock = clock;
        this.local = local;
        this.fallback = new LocalWhileRedisFails("attempt windows", redis);
    }

    @Override
    public AttemptWindow count(String key, Duration length) {
        return fallback.call(() -> {
            List<Long> reply = COUNT.run(redis, ScriptOutputType.MULTI, new String[] {redisKey(key)},
                    Long.toString(Math.max(1, length.toMillis())));
            return new AttemptWindow(reply.get(0), clock.instant().plusMillis(reply.get(1)));
        }, () -> local.count(key, length));
    }

    @Override
    public Optional<AttemptWindow> current(String key) {
        return fallback.call(() -> {
            List<Long> reply = CURRENT.run(redis, ScriptOutputType.MULTI, new String[] {redisKey(key)});
            return reply.get(0) < 1 ? Optional.<AttemptWindow>empty()
                    : Optional.of(new AttemptWindow(reply.get(0), clock.instant().plusMillis(reply.get(1))));
        }, () -> local.current(key));
    }

    private String redisKey(String key) {
        return redis.keys().of("attempts", key);
    }
}
