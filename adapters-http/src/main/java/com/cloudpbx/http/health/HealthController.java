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
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness for load balancers: 200 when every backend answers, 503 naming the ones that do not. */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Operations")
public class HealthController {

    private final CheckHealth checkHealth;

    public HealthController(CheckHealth checkHealth) {
        this.checkHealth = checkHealth;
    }

    @Get
    public HttpResponse<Health> health() {
        HealthReport report = checkHealth.check();
        Map<String, String> backends = new LinkedHashMap<>();
        report.failures().forEach((name, failure) -> backends.put(name, failure.isPresent() ? "DOWN" : "UP"));
        if (report.healthy()) {
            return HttpResponse.ok(new Health("UP", backends, null, null));
        }
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(
                new Health("DOWN", backends, String.join("; ", report.problems()), "BACKEND_UNAVAILABLE"));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, Map<String, String> backends, @Nullable String error, @Nullable String code) {
    }
}
