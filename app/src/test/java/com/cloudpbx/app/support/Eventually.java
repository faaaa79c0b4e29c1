package com.cloudpbx.app.support;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a probe until it yields a value, for outcomes that the server reaches asynchronously. */
public final class Eventually {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Eventually() {
    }

    public static <T> T value(Supplier<Optional<T>> probe) {
        return value(TIMEOUT, probe);
    }

    public static <T> T value(Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
