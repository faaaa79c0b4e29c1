package com.cloudpbx.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.port.AttemptWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttemptWindows} must do; adapters extend this with their own. Windows are short
 * so that an adapter on a store with its own time (Redis expiring keys) lets them pass for real.
 */
public abstract class AttemptWindowsContract {

    /** Long enough for a handful of round trips to a store, short enough to wait out. */
    protected static final Duration WINDOW = Duration.ofMillis(800);

    private AttemptWindows windows;
    private String key;

    /** Fresh windows, none open; they read the time from {@link #clock()}. */
    protected abstract AttemptWindows newWindows();

    /** The clock the windows' answers are given in. */
    protected abstract Clock clock();

    /** Lets {@code duration} pass for the windows: moves a test clock, or waits. */
    protected abstract void elapse(Duration duration);

    @BeforeEach
    void freshWindows() {
        windows = newWindows();
        key = "attempts:" + UUID.randomUUID();
    }

    @Test
    void theFirstAttemptOpensAWindowOfTheGivenLength() {
        Instant before = clock().instant();

        AttemptWindow window = windows.count(key, WINDOW);

        assertThat(window.attempts()).isEqualTo(1);
        assertThat(window.endsAt()).isBetween(before.plus(WINDOW).minusMillis(100), clock().instant().plus(WINDOW));
    }

    @Test
    void attemptsInOneWindowAddUpAndKeepItsEnd() {
        AttemptWindow first = windows.count(key, WINDOW);
        windows.count(key, WINDOW);

        AttemptWindow third = windows.count(key, WINDOW);

        assertThat(third.attempts()).isEqualTo(3);
        assertThat(third.endsAt()).isBetween(first.endsAt().minusMillis(200), first.endsAt().plusMillis(200));
    }

    @Test
    void keysAreCountedApart() {
        windows.count(key, WINDOW);
        windows.count(key, WINDOW);

        assertThat(windows.count(key + ":other", WINDOW).attempts()).isEqualTo(1);
    }

    @Test
    void noWindowIsOpenBeforeTheFirstAttempt() {
        assertThat(windows.current(key)).isEmpty();
    }

    @Test
    void theCurrentWindowIsReadWithoutCounting() {
        windows.count(key, WINDOW);
        windows.count(key, WINDOW);

        assertThat(windows.current(key)).hasValueSatisfying(w -> assertThat(w.attempts()).isEqualTo(2));
        assertThat(windows.current(key)).hasValueSatisfying(w -> assertThat(w.attempts()).isEqualTo(2));
    }

    @Test
    void aWindowClosesOnceItsTimeIsUp() {
        windows.count(key, WINDOW);

        elapse(WINDOW.plusMillis(200));

        assertThat(windows.current(key)).isEmpty();
        assertThat(windows.count(key, WINDOW).attempts()).isEqualTo(1);
    }

    @Test
    void laterAttemptsDoNotMoveTheWindowsEnd() {
        windows.count(key, WINDOW);
        elapse(WINDOW.multipliedBy(6).dividedBy(10));
        windows.count(key, WINDOW);

        elapse(WINDOW.multipliedBy(6).dividedBy(10));

        assertThat(windows.count(key, WINDOW).attempts()).isEqualTo(1);
    }

    @Test
    void concurrentAttemptsAreAllCounted() throws Exception {
        int threads = 8;
        int each = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        Duration longer = Duration.ofMinutes(1);
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < each; i++) {
                    windows.count(key, longer);
                }
            }));
        }
        start.countDown();
        for (Thread thread : started) {
            thread.join(30_000);
        }

        assertThat(windows.current(key)).hasValueSatisfying(w -> assertThat(w.attempts()).isEqualTo(threads * each));
    }
}
