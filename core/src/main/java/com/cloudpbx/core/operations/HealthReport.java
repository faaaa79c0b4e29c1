package com.cloudpbx.core.operations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state of every backend: up, or down with a reason. */
public record HealthReport(Map<String, Optional<String>> failures) {

    public HealthReport {
        failures = Map.copyOf(failures);
    }

    public boolean healthy() {
        return failures.values().stream().allMatch(Optional::isEmpty);
    }

    /** Sentences naming each failing backend. */
    public List<String> problems() {
        return failures.entrySet().stream()
                .filter(e -> e.getValue().isPresent())
                .map(e -> e.getKey() + " unreachable: " + e.getValue().get())
                .sorted()
                .toList();
    }
}
