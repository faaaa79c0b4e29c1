package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

    @Test
    void withoutEnvironmentPhonesAnswerAfter300MillisecondsAndRingAtMost30Seconds() {
        SimulationSettings settings = SimulationSettings.fromEnvironment(Map.of());

        assertThat(settings.answerDelay()).isEqualTo(Duration.ofMillis(300));
        assertThat(settings.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.offlineExtensions()).isEmpty();
    }

    @Test
    void theAnswerDelayIsReadInMilliseconds() {
        SimulationSettings settings = SimulationSettings.fromEnvironment(Map.of("VOIP_SIM_ANSWER_MS", "1500"));

        assertThat(settings.answerDelay()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void offlineExtensionsAreCommaSeparated() {
        SimulationSettings settings = SimulationSettings.fromEnvironment(Map.of("VOIP_SIM_OFFLINE", "1003, 1004,,"));

        assertThat(settings.offlineExtensions()).containsExactlyInAnyOrder("1003", "1004");
        assertThat(settings.isOffline("1003")).isTrue();
        assertThat(settings.isOffline("1001")).isFalse();
    }

    @Test
    void anAnswerDelayThatIsNotAWholeNumberIsRefusedWithTheVariableNamed() {
        assertThatThrownBy(() -> SimulationSettings.fromEnvironment(Map.of("VOIP_SIM_ANSWER_MS", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_SIM_ANSWER_MS");
    }
}
