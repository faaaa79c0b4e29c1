package com.cloudpbx.app.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The routing plans kept in memory ({@code voip.routing.*}).
 *
 * @param planCacheSize    tenants whose routing plan is kept in memory
 * @param didCacheSize     DIDs whose tenant is kept in memory by number
 * @param planCacheSeconds how long a plan or DID is kept at most; a change made on this node drops
 *                         it at once, one made on another API node is seen after at most this long
 */
@Context
@ConfigurationProperties("voip.routing")
public record RoutingSettings(
        @Bindable(defaultValue = "10000")
        @Min(value = 1, message = "VOIP_ROUTING_PLAN_CACHE_SIZE must be a whole number, 1 or more")
        long planCacheSize,
        @Bindable(defaultValue = "100000")
        @Min(value = 1, message = "VOIP_ROUTING_DID_CACHE_SIZE must be a whole number, 1 or more")
        long didCacheSize,
        @Bindable(defaultValue = "5")
        @Min(value = 1, message = "VOIP_ROUTING_PLAN_CACHE_SECONDS must be 1-3600")
        @Max(value = 3600, message = "VOIP_ROUTING_PLAN_CACHE_SECONDS must be 1-3600")
        long planCacheSeconds) {

    public Duration planLifetime() {
        return Duration.ofSeconds(planCacheSeconds);
    }
}
