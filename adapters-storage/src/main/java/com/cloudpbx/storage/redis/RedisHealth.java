package com.cloudpbx.storage.redis;

import com.cloudpbx.core.operations.port.BackendHealth;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether Redis answers, for the health route, as the backend named "redis": a PING within a
 * second. Present while Redis is configured.
 */
@Singleton
@Requires(property = RedisSettings.URL)
public final class RedisHealth implements BackendHealth {

    private final RedisConnections redis;

    public RedisHealth(RedisConnections redis) {
        this.redis = redis;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Optional<String> failure() {
        try {
            redis.async().ping().toCompletableFuture().get(1, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking Redis at " + redis.address());
        } catch (Exception e) {
            return Optional.of("Redis at " + redis.address() + " does not answer");
        }
    }
}
