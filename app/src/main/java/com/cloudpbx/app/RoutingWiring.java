package com.cloudpbx.app;

import com.cloudpbx.app.settings.RoutingSettings;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.Sandbox;
import com.cloudpbx.core.routing.InboundRouter;
import com.cloudpbx.core.routing.RouteInbound;
import com.cloudpbx.core.routing.RoutingPlans;
import com.cloudpbx.core.routing.SandboxRouting;
import com.cloudpbx.core.routing.port.RoutedCallSimulator;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.port.BoundedCaches;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Inbound routing: one cache of routing plans per node, shared by the media-server routes, the
 * sandbox and the use cases that drop a plan when they change it.
 */
@Factory
class RoutingWiring {

    /** A tenant's plan (or a DID's tenant) that no call asked for this long leaves the memory. */
    private static final Duration UNUSED_PLAN_LIFETIME = Duration.ofMinutes(10);

    @Singleton
    RoutingPlans routingPlans(RoutingPlans.Stores stores, BoundedCaches caches, RoutingSettings settings,
                              ConfigurationChanges changes, Clock clock,
                              @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        return new RoutingPlans(stores,
                caches.create("routing-plans", settings.planCacheSize(), UNUSED_PLAN_LIFETIME),
                caches.create("routing-dids", settings.didCacheSize(), UNUSED_PLAN_LIFETIME), changes,
                settings.planRefresh(), clock, blocking);
    }

    /** One per node: every use case that changes a tenant's configuration signals it here. */
    @Singleton
    ConfigurationChanges configurationChanges() {
        return new ConfigurationChanges();
    }

    @Singleton
    InboundRouter inboundRouter(ConferenceRooms rooms) {
        return new InboundRouter(new SecureRandom(), rooms);
    }

    @Singleton
    RouteInbound routeInbound(RoutingPlans plans, InboundRouter router, Clock clock) {
        return new RouteInbound(plans, router, clock);
    }

    /** Only with a switch that simulates routed calls: the sandbox's calls to DIDs. */
    @Singleton
    @Requires(beans = {Sandbox.class, RoutedCallSimulator.class})
    SandboxRouting sandboxRouting(Sandbox sandbox, RoutedCallSimulator simulator, RouteInbound routing) {
        return new SandboxRouting(sandbox, simulator, routing);
    }
}
