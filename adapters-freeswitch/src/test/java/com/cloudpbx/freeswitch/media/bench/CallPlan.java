package com.cloudpbx.freeswitch.media.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * How scripted calls are paced: {@code rate} new calls per second for {@code length}; each call's
 * B leg is dialled {@code dialAfter} its start and rings until {@code answerAfter}; the call then
 * stays bridged for {@code holdFor} and ends with both legs hanging up.
 */
public record CallPlan(int rate, Duration length, Duration dialAfter, Duration answerAfter, Duration holdFor) {

    public CallPlan {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(dialAfter, "dialAfter");
        Objects.requireNonNull(answerAfter, "answerAfter");
        Objects.requireNonNull(holdFor, "holdFor");
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be at least 1 call/s");
        }
        if (length.isNegative() || dialAfter.isNegative() || holdFor.isNegative()
                || answerAfter.compareTo(dialAfter) < 0) {
            throw new IllegalArgumentException("durations must be positive and the answer come after the dial");
        }
    }

    /** How many calls the plan starts. */
    public int calls() {
        return Math.toIntExact(rate * length.toMillis() / 1000);
    }

    /** When call {@code index} starts, in nanoseconds after the first. */
    long startNanos(int index) {
        return Math.round(index * 1e9 / rate);
    }

    /** Whole seconds the A leg lasts, as FreeSWITCH reports them. */
    long durationSeconds() {
        return answerAfter.plus(holdFor).toSeconds();
    }

    long billsec() {
        return holdFor.toSeconds();
    }
}
