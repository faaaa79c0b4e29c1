package com.cloudpbx.storage.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Redis ({@code voip.redis.*}): set the URL and every API node pointing at the same Redis shares
 * live calls, park slots, throttles, cache evictions, the WebSocket fan-out and the Event Socket
 * leases; unset, each of those stays in this process's memory.
 *
 * @param url              {@code redis://[:password@]host[:port][/database]} or {@code rediss://...}
 * @param keyPrefix        put before every key and channel, so several deployments can share one Redis
 * @param commandTimeoutMs how long a command may take before it counts as Redis being unavailable
 */
@Context
@ConfigurationProperties("voip.redis")
public record RedisSettings(
        @Nullable
        @Pattern(regexp = "rediss?://.+", message = "VOIP_REDIS_URL must look like redis://host:6379 or rediss://host:6380")
        String url,
        @Bindable(defaultValue = "voip")
        @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "VOIP_REDIS_KEY_PREFIX must be 1 to 64 letters, digits, '_', '.' or '-'")
        String keyPrefix,
        @Bindable(defaultValue = "2000")
        @Min(value = 50, message = "VOIP_REDIS_COMMAND_TIMEOUT_MS must be a whole number from 50 to 60000")
        @Max(value = 60_000, message = "VOIP_REDIS_COMMAND_TIMEOUT_MS must be a whole number from 50 to 60000")
        int commandTimeoutMs) {

    /** The property whose presence selects the Redis adapters. */
    public static final String URL = "voip.redis.url";
}
