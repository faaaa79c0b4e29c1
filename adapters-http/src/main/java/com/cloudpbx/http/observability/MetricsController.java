package com.cloudpbx.http.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Prometheus scrape endpoint at /metrics, where the API contract puts it (Micronaut's own
 * management endpoint would be /prometheus).
 * <p>
 * Deliberately without {@code @Secured}: {@link MetricsAccessRule} decides who may read it
 * (loopback, or a superadmin). Should that rule ever be missing, a route with no rule allowing it
 * is rejected by Micronaut Security, so the failure mode is closed, not open.
 */
@Controller
public final class MetricsController {

    /** Prometheus text exposition format 0.0.4, what every Prometheus server can scrape. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(value = "/metrics", produces = PROMETHEUS_TEXT)
    @ExecuteOn(TaskExecutors.BLOCKING) // a scrape walks every meter; keep it off the event loop
    @Operation(summary = "Prometheus metrics",
        description = "Open to loopback clients; from anywhere else it needs a superadmin credential.")
    String scrape() {
        return registry.scrape();
    }
}
