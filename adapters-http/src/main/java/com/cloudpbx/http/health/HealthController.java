package com.cloudpbx.http.health;

import com.cloudpbx.core.shared.BackendHealth;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Liveness for load balancers: 200 when every backend answers, 503 naming the ones that do not. */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Operations")
public class HealthController {

    private final List<BackendHealth> backends;

    public HealthController(List<BackendHealth> backends) {
        this.backends = backends;
    }

    @Get
    public HttpResponse<Health> health() {
        Map<String, String> states = new LinkedHashMap<>();
        StringBuilder failures = new StringBuilder();
        for (BackendHealth backend : backends) {
            Optional<String> failure = backend.failure();
            states.put(backend.name(), failure.isPresent() ? "DOWN" : "UP");
            failure.ifPresent(reason -> failures.append(failures.isEmpty() ? "" : "; ")
                    .append(backend.name()).append(" unreachable: ").append(reason));
        }
        if (failures.isEmpty()) {
            return HttpResponse.ok(new Health("UP", states, null, null));
        }
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Health("DOWN", states, failures.toString(), "BACKEND_UNAVAILABLE"));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, Map<String, String> backends, @Nullable String error, @Nullable String code) {
    }
}
