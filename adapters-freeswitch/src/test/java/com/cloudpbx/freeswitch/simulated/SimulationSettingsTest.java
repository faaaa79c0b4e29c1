package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.validation.validator.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

    @Test
    void theConfiguredDelaysAreReadInMillisecondsAndSeconds() {
        SimulationSettings settings = new SimulatorSettings(1500, 45, null).simulation();

        assertThat(settings.answerDelay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.ringTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.offlineExtensions()).isEmpty();
    }

    @Test
    void offlineExtensionsAreCommaSeparated() {
        SimulationSettings settings = new SimulatorSettings(300, 30, "1003, 1004,,").simulation();

        assertThat(settings.offlineExtensions()).containsExactlyInAnyOrder("1003", "1004");
        assertThat(settings.isOffline("1003")).isTrue();
        assertThat(settings.isOffline("1001")).isFalse();
    }

    @Test
    void aNegativeAnswerDelayIsRefusedWithTheVariableNamed() {
        assertThat(Validator.getInstance().validate(new SimulatorSettings(-1, 30, null)))
                .singleElement().satisfies(violation -> assertThat(violation.getMessage())
                        .contains("VOIP_SIM_ANSWER_MS"));
    }
}
