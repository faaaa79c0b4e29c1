package com.cloudpbx.storage.redis;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The Redis connections every Redis adapter shares, when {@code VOIP_REDIS_URL} is set. */
@Factory
@Requires(property = RedisSettings.URL)
class RedisBeans {

    @Singleton
    @Bean(preDestroy = "close")
    RedisConnections redisConnections(RedisSettings settings) {
        return new RedisConnections(settings);
    }
}
