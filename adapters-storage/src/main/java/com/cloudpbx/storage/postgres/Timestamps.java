package com.cloudpbx.storage.postgres;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Query bounds on timestamptz columns. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * timestamptz keeps microseconds and PostgreSQL would round a finer bound to the nearest one:
     * {@code at < t + 1ns} would become {@code at < t} and drop the row at t. Every stored time
     * is whole microseconds, so rounding a bound up compares exactly as the finer bound would.
     */
    public static Instant ceilToMicros(Instant bound) {
        Instant floor = bound.truncatedTo(ChronoUnit.MICROS);
        return floor.equals(bound) ? bound : floor.plus(1, ChronoUnit.MICROS);
    }
}
