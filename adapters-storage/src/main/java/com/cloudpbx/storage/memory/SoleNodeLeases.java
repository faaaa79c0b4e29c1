package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.LeaseState;
import com.cloudpbx.core.calls.port.MediaServerLeases;
import com.cloudpbx.storage.redis.RedisSettings;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Without Redis this node is the only one: it holds the lease of every media server, always.
 */
@Singleton
@Requires(missingProperty = RedisSettings.URL)
public class SoleNodeLeases implements MediaServerLeases {

    @Override
    public LeaseState hold(String mediaServer, Duration ttl) {
        return LeaseState.HELD;
    }

    @Override
    public void release(String mediaServer) {
        // Nobody else could take it.
    }
}
