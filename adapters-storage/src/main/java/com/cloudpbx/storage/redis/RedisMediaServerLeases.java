package com.cloudpbx.storage.redis;

import com.cloudpbx.core.calls.LeaseState;
import com.cloudpbx.core.calls.port.MediaServerLeases;
import com.cloudpbx.core.shared.DomainException;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Media-server leases in Redis: one key per media server holding the holder's node id, expiring
 * {@code ttl} after its last renewal. Taking, renewing and releasing each compare the holder and
 * act in one script, so two nodes never both hold a lease; a Redis that does not answer makes
 * {@link LeaseState#UNKNOWN}, on which nodes keep doing what they did.
 */
@Singleton
@Requires(property = RedisSettings.URL)
public class RedisMediaServerLeases implements MediaServerLeases {

    private static final RedisScript HOLD = new RedisScript("""
            local holder = redis.call('GET', KEYS[1])
            if holder == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            if not holder then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0
            """);
    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private final RedisConnections redis;
    private final Set<String> heldHere = ConcurrentHashMap.newKeySet();

    public RedisMediaServerLeases(RedisConnections redis) {
        this.redis = redis;
    }

    @Override
    public LeaseState hold(String mediaServer, Duration ttl) {
        try {
            Long held = redis.await(HOLD.send(redis, ScriptOutputType.INTEGER, new String[] {key(mediaServer)},
                    redis.nodeId(), Long.toString(ttl.toMillis())));
            if (held == 1L) {
                heldHere.add(mediaServer);
                redis.leaseHeld(mediaServer);
                return LeaseState.HELD;
            }
            if (heldHere.remove(mediaServer)) {
                redis.leaseLost(mediaServer);
            }
            return LeaseState.HELD_ELSEWHERE;
        } catch (DomainException unavailable) {
            return LeaseState.UNKNOWN;
        }
    }

    @Override
    public void release(String mediaServer) {
        heldHere.remove(mediaServer);
        try {
            redis.await(RELEASE.send(redis, ScriptOutputType.INTEGER, new String[] {key(mediaServer)},
                    redis.nodeId()));
        } catch (DomainException unavailable) {
            // It lapses by itself.
        }
    }

    private String key(String mediaServer) {
        return redis.keys().of("media-server-lease", mediaServer);
    }
}
