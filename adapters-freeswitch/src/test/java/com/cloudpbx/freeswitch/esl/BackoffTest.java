package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration MIN = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void eachDelayLiesBetweenHalfItsCeilingAndTheCeiling() {
        Backoff backoff = new Backoff(MIN, MAX, new SplittableRandom(1));

        for (int attempt = 0; attempt < 12; attempt++) {
            long ceiling = Math.min(MIN.toMillis() << attempt, MAX.toMillis());
            for (int draw = 0; draw < 200; draw++) {
                assertThat(backoff.delay(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void theCeilingDoublesPerAttemptUntilTheMaximum() {
        Backoff backoff = new Backoff(MIN, MAX, new SplittableRandom(2));

        assertThat(largestOf(backoff, 0)).isLessThanOrEqualTo(200);
        assertThat(largestOf(backoff, 3)).isBetween(1_500L, 1_600L);
        assertThat(largestOf(backoff, 60)).isBetween(29_000L, 30_000L);
    }

    @Test
    void delaysAreJitteredSoClientsDoNotReconnectInLockstep() {
        Backoff backoff = new Backoff(MIN, MAX, new SplittableRandom(3));

        assertThat(IntStream.range(0, 50).mapToObj(i -> backoff.delay(4)).distinct().count()).isGreaterThan(40);
    }

    @Test
    void theSameRandomSourceGivesTheSameDelays() {
        Backoff one = new Backoff(MIN, MAX, new SplittableRandom(7));
        Backoff two = new Backoff(MIN, MAX, new SplittableRandom(7));

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(one.delay(attempt)).isEqualTo(two.delay(attempt));
        }
    }

    private static long largestOf(Backoff backoff, int attempt) {
        return IntStream.range(0, 500).mapToLong(i -> backoff.delay(attempt).toMillis()).max().orElseThrow();
    }
}
