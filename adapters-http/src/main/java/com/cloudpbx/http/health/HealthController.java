package com.cloudpbx.http.health;

import com.cloudpbx.core.operations.CheckHealth;
import com.cloudpbx.core.operations.HealthReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness for load balancers: 200 when every backend answers, 503 naming the ones that do not.
 * Why a backend fails (driver messages, hosts, ports) would map the network behind the server
 * for anyone, so the anonymous answer names backends only; the reasons go to the log and to
 * superadmins at {@code /health/details}.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Operations")
public class HealthController {

    /** The role Micronaut Security gives superadmin credentials. */
    static final String SUPERADMIN_ROLE = "superadmin";

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

    private final CheckHealth checkHealth;
    // Load balancers probe every few seconds: log a failure when it changes, not on every probe.
    private final AtomicReference<List<String>> lastProblems = new AtomicReference<>(List.of());

    public HealthController(CheckHealth checkHealth) {
        this.checkHealth = checkHealth;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Whether every backend answers",
        description = "Names a failing backend, never why: no hosts, ports or error text.")
    public HttpResponse<Health> health() {
        HealthReport report = check();
        return respond(report, null);
    }

    /**
     * The same answer with each failing backend's reason. Checked on the credential alone (a
     * superadmin JWT's signature and role), so it still answers while the database is down.
     */
    @Get("/details")
    @Secured(SUPERADMIN_ROLE)
    @Operation(summary = "Backend health with the reasons of failures (superadmin)")
    public HttpResponse<Health> details() {
        HealthReport report = check();
        Map<String, String> reasons = new TreeMap<>();
        report.failures().forEach((name, failure) -> failure.ifPresent(reason -> reasons.put(name, reason)));
        return respond(report, reasons);
    }

    private HealthReport check() {
        HealthReport report = checkHealth.check();
        List<String> problems = report.problems();
        List<String> previous = lastProblems.getAndSet(problems);
        if (!problems.equals(previous)) {
            if (problems.isEmpty()) {
                LOG.info("Every backend answers again");
            } else {
                LOG.warn("Backends unavailable: {}", String.join("; ", problems));
            }
        }
        return report;
    }

    private static HttpResponse<Health> respond(HealthReport report, @Nullable Map<String, String> details) {
        Map<String, String> backends = new LinkedHashMap<>();
        new TreeMap<>(report.failures()).forEach((name, failure) -> backends.put(name, failure.isPresent() ? "DOWN" : "UP"));
        if (report.healthy()) {
            return HttpResponse.ok(new Health("UP", backends, null, null, details));
        }
        List<String> failing = report.failingBackends().stream().map(name -> name + " unreachable").toList();
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN", backends,
                String.join("; ", failing), "BACKEND_UNAVAILABLE", details));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, Map<String, String> backends, @Nullable String error, @Nullable String code,
                         @Nullable Map<String, String> details) {
    }
}
