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
 * @param planCacheSeconds how often a plan in use is reloaded in the background; a change made on
 *                         this node drops the plan at once, one made on another API node is routed
 *                         after at most about this long
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

    public Duration planRefresh() {
        return Duration.ofSeconds(planCacheSeconds);
    }
}
