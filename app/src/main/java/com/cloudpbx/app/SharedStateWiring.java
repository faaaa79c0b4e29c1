package com.cloudpbx.app;

import com.cloudpbx.http.ws.WebSocketEventPublisher;
import com.cloudpbx.storage.redis.RedisConnections;
import com.cloudpbx.storage.redis.RedisEventFanOut;
import com.cloudpbx.storage.redis.RedisSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * What joins two adapters when several API nodes share Redis: real-time events raised on any
 * node reach the events sockets of every node. Without Redis, the WebSocket hub alone publishes.
 */
@Factory
@Requires(property = RedisSettings.URL)
public class SharedStateWiring {

    @Singleton
    @Primary
    @Bean(preDestroy = "close")
    RedisEventFanOut eventFanOut(RedisConnections redis, WebSocketEventPublisher sockets) {
        return new RedisEventFanOut(redis, sockets, sockets);
    }
}
