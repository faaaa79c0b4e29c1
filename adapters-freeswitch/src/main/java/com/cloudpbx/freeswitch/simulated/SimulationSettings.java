package com.cloudpbx.freeswitch.simulated;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the simulated switch behaves: how long a phone rings before it answers, how long a leg
 * rings before it gives up, and which extensions count as unregistered (they never answer).
 */
public record SimulationSettings(Duration answerDelay, Duration ringTimeout, Set<String> offlineExtensions) {

    public static final Duration DEFAULT_ANSWER_DELAY = Duration.ofMillis(300);
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);

    public SimulationSettings {
        Objects.requireNonNull(answerDelay, "answerDelay");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        if (answerDelay.isNegative() || ringTimeout.isNegative()) {
            throw new IllegalArgumentException("Simulated switch delays cannot be negative");
        }
        offlineExtensions = Set.copyOf(offlineExtensions);
    }

    public static SimulationSettings defaults() {
        return new SimulationSettings(DEFAULT_ANSWER_DELAY, DEFAULT_RING_TIMEOUT, Set.of());
    }

    /**
     * Reads {@code VOIP_SIM_ANSWER_MS} (milliseconds before a ringing phone answers) and
     * {@code VOIP_SIM_OFFLINE} (comma-separated extension numbers that are unregistered).
     */
    public static SimulationSettings fromEnvironment(Map<String, String> environment) {
        String answerMs = environment.get("VOIP_SIM_ANSWER_MS");
        Duration answerDelay = isBlank(answerMs) ? DEFAULT_ANSWER_DELAY : Duration.ofMillis(milliseconds(answerMs));
        return new SimulationSettings(answerDelay, DEFAULT_RING_TIMEOUT, extensions(environment.get("VOIP_SIM_OFFLINE")));
    }

    public boolean isOffline(String extension) {
        return offlineExtensions.contains(extension);
    }

    private static long milliseconds(String value) {
        try {
            long ms = Long.parseLong(value.trim());
            if (ms < 0) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "VOIP_SIM_ANSWER_MS must be a whole number of milliseconds, 0 or more; it is '" + value + "'");
        }
    }

    private static Set<String> extensions(String commaSeparated) {
        if (isBlank(commaSeparated)) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(number -> !number.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
