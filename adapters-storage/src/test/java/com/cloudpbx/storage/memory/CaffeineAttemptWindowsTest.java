package com.cloudpbx.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.AttemptWindowsContract;
import com.cloudpbx.core.shared.port.AttemptWindows;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaffeineAttemptWindowsTest extends AttemptWindowsContract {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T00:00:00Z"));

    @Override
    protected AttemptWindows newWindows() {
        return new CaffeineAttemptWindows(clock);
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void aFloodOfNewKeysDoesNotForgetAKeyInUse() {
        CaffeineAttemptWindows windows = new CaffeineAttemptWindows(clock, 1_000);
        windows.count("attacker", Duration.ofMinutes(1));

        for (int i = 0; i < 20_000; i++) {
            windows.count("noise-" + i, Duration.ofMinutes(1));
            if (i % 100 == 0) {
                windows.count("attacker", Duration.ofMinutes(1));
            }
        }

        assertThat(windows.current("attacker")).hasValueSatisfying(w -> assertThat(w.attempts()).isEqualTo(201));
    }
}
