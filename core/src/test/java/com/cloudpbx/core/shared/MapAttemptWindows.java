package com.cloudpbx.core.shared;

import com.cloudpbx.core.shared.port.AttemptWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AttemptWindows} for tests of core: a map of windows, read against the test's clock. */
public final class MapAttemptWindows implements AttemptWindows {

    private final Clock clock;
    private final Map<String, AttemptWindow> windows = new ConcurrentHashMap<>();

    public MapAttemptWindows(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AttemptWindow count(String key, Duration length) {
        Instant now = clock.instant();
        return windows.compute(key, (k, open) -> open == null || !now.isBefore(open.endsAt())
                ? new AttemptWindow(1, now.plus(length))
                : new AttemptWindow(open.attempts() + 1, open.endsAt()));
    }

    @Override
    public Optional<AttemptWindow> current(String key) {
        Instant now = clock.instant();
        return Optional.ofNullable(windows.get(key)).filter(window -> now.isBefore(window.endsAt()));
    }
}
