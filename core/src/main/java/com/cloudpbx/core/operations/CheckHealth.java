package com.cloudpbx.core.operations;

import com.cloudpbx.core.operations.port.BackendHealth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks every backend whether it answers, for load balancers and operators. */
public final class CheckHealth {

    private final List<BackendHealth> backends;

    public CheckHealth(List<BackendHealth> backends) {
        this.backends = List.copyOf(backends);
    }

    public HealthReport check() {
        Map<String, Optional<String>> failures = new LinkedHashMap<>();
        for (BackendHealth backend : backends) {
            Optional<String> failure;
            try {
                failure = backend.failure();
            } catch (RuntimeException e) {
                failure = Optional.of(e.getClass().getSimpleName());
            }
            failures.put(backend.name(), failure);
        }
        return new HealthReport(failures);
    }
}
