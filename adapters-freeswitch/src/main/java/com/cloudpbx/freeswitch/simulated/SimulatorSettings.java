package com.cloudpbx.freeswitch.simulated;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The simulated switch as configured ({@code voip.sim.*}), read into {@link SimulationSettings}.
 *
 * @param answerMs           how long a ringing phone rings before it answers
 * @param ringTimeoutSeconds how long a leg rings before it gives up
 * @param offline            extensions that are not registered (comma-separated): they never answer
 */
@Context
@ConfigurationProperties("voip.sim")
public record SimulatorSettings(
        @Bindable(defaultValue = "300")
        @Min(value = 0, message = "VOIP_SIM_ANSWER_MS must be a whole number of milliseconds, 0 or more")
        long answerMs,
        @Bindable(defaultValue = "30")
        @Min(value = 0, message = "VOIP_SIM_RING_TIMEOUT_SECONDS must be a whole number of seconds, 0 or more")
        long ringTimeoutSeconds,
        @Nullable String offline) {

    public SimulationSettings simulation() {
        Set<String> offlineExtensions = offline == null ? Set.of() : Arrays.stream(offline.split(","))
                .map(String::strip).filter(number -> !number.isEmpty()).collect(Collectors.toSet());
        return new SimulationSettings(Duration.ofMillis(answerMs), Duration.ofSeconds(ringTimeoutSeconds),
                offlineExtensions);
    }
}
