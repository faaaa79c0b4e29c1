package com.cloudpbx.core.shared.port;

import com.cloudpbx.core.shared.AttemptWindow;
import java.time.Duration;
import java.util.Optional;

/**
 * Port: counts attempts per key in fixed windows, each opened by the first attempt after the
 * previous one ended and lasting its given length (it does not slide with later attempts). Keys
 * are chosen and, when they name a client, hashed by the caller. Throttles built on it behave the
 * same on every API node that shares the adapter's store.
 */
public interface AttemptWindows {

    /**
     * Counts one attempt of {@code key}, atomically with any other caller: the attempts of its open
     * window so far, this one included, and when that window ends ({@code length} after the attempt
     * that opened it).
     */
    AttemptWindow count(String key, Duration length);

    /** The attempts of {@code key}'s open window, without counting one; empty when none is open. */
    Optional<AttemptWindow> current(String key);
}
