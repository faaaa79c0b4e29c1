package com.cloudpbx.freeswitch.simulated;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulated switch behaves: how long a phone rings before it answers, how long a leg
 * rings before it gives up, and which extensions count as unregistered (they never answer).
 * Configured by {@link SimulatorSettings}.
 */
public record SimulationSettings(Duration answerDelay, Duration ringTimeout, Set<String> offlineExtensions) {

    public SimulationSettings {
        Objects.requireNonNull(answerDelay, "answerDelay");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        if (answerDelay.isNegative() || ringTimeout.isNegative()) {
            throw new IllegalArgumentException("Simulated switch delays cannot be negative");
        }
        offlineExtensions = Set.copyOf(offlineExtensions);
    }

    public boolean isOffline(String extension) {
        return offlineExtensions.contains(extension);
    }
}
