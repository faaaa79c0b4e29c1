package com.cloudpbx.core.operations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of every backend: up, or down with a reason. The reasons may name hosts, ports and
 * driver messages, so they are for operators only; anyone may learn which backends are down.
 */
public record HealthReport(Map<String, Optional<String>> failures) {

    public HealthReport {
        failures = Map.copyOf(failures);
    }

    public boolean healthy() {
        return failures.values().stream().allMatch(Optional::isEmpty);
    }

    /** The names of the backends that are down, sorted: what an anonymous prober may learn. */
    public List<String> failingBackends() {
        return failures.entrySet().stream()
                .filter(e -> e.getValue().isPresent())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Sentences naming each failing backend and why it fails, for operators. */
    public List<String> problems() {
        return failures.entrySet().stream()
                .filter(e -> e.getValue().isPresent())
                .map(e -> e.getKey() + " unreachable: " + e.getValue().get())
                .sorted()
                .toList();
    }
}
