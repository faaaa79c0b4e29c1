package com.cloudpbx.app.bench;

import com.cloudpbx.freeswitch.media.bench.CallPlan;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link EslCallsBenchmark} runs; every value can be given as {@code name=value}.
 *
 * @param rate      calls started per second
 * @param seconds   how long calls are started
 * @param dialMs    from a call's start to its B leg being dialled (CHANNEL_CREATE, CHANNEL_PROGRESS)
 * @param answerMs  from a call's start to the answer and bridge
 * @param holdMs    how long the call stays bridged before both legs hang up
 * @param drainSeconds how long to wait for the last records after the last call was sent
 * @param warmupSeconds calls started this early are left out of the steady-state lag (JIT compilation,
 *                      first database writes)
 */
record EslCallsSettings(int rate, int seconds, long dialMs, long answerMs, long holdMs, int drainSeconds,
                        int warmupSeconds) {

    static final String KNOWN = "rate, seconds, dial-ms, answer-ms, hold-ms, drain-seconds, warmup-seconds";

    static EslCallsSettings parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("arguments are name=value, got " + arg);
            }
            given.put(pair[0], pair[1]);
        }
        EslCallsSettings settings = new EslCallsSettings(number(given, "rate", 2000), number(given, "seconds", 30),
                number(given, "dial-ms", 20), number(given, "answer-ms", 200), number(given, "hold-ms", 1000),
                number(given, "drain-seconds", 30), number(given, "warmup-seconds", 10));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + given.keySet() + "; known: " + KNOWN);
        }
        return settings;
    }

    CallPlan plan() {
        return new CallPlan(rate, Duration.ofSeconds(seconds), Duration.ofMillis(dialMs), Duration.ofMillis(answerMs),
                Duration.ofMillis(holdMs));
    }

    private static int number(Map<String, String> given, String name, int fallback) {
        String value = given.remove(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
