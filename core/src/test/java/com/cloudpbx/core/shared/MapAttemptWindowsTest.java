package com.cloudpbx.core.shared;

import com.cloudpbx.core.shared.port.AttemptWindows;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

class MapAttemptWindowsTest extends AttemptWindowsContract {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T00:00:00Z"));

    @Override
    protected AttemptWindows newWindows() {
        return new MapAttemptWindows(clock);
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }
}
