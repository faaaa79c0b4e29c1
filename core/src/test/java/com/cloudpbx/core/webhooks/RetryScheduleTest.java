package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration MAX_DELAY = Duration.ofHours(6);
    /** The middle of the spread: no spread at all. */
    private static final double MIDDLE = 0.5;
    /** Just under 1, as close to the top of the spread as a random double in [0, 1) gets. */
    private static final double TOP = Math.nextDown(1.0);

    private static RetrySchedule schedule(double random) {
        return new RetrySchedule(MAX_DELAY, () -> random);
    }

    private static Duration waitAfter(RetrySchedule schedule, Webhook webhook, int attemptsMade) {
        return Duration.between(NOW, schedule.next(webhook, attemptsMade, NOW, null).orElseThrow());
    }

    @Test
    void theFirstRetryWaitsTheWebhooksRetryDelay() {
        assertThat(waitAfter(schedule(MIDDLE), WebhookFixtures.webhook(5, 60), 1)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void eachRetryWaitsFourTimesTheOneBefore() {
        RetrySchedule schedule = schedule(MIDDLE);
        Webhook webhook = WebhookFixtures.webhook(5, 60);

        assertThat(waitAfter(schedule, webhook, 2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(waitAfter(schedule, webhook, 3)).isEqualTo(Duration.ofMinutes(16));
        assertThat(waitAfter(schedule, webhook, 4)).isEqualTo(Duration.ofMinutes(64));
        assertThat(waitAfter(schedule, webhook, 5)).isEqualTo(Duration.ofMinutes(256));
    }

    @Test
    void theLowestRandomShortensTheWaitByTwentyPercent() {
        assertThat(waitAfter(schedule(0.0), WebhookFixtures.webhook(5, 100), 2)).isEqualTo(Duration.ofSeconds(320));
    }

    @Test
    void theHighestRandomLengthensTheWaitByJustUnderTwentyPercent() {
        Duration wait = waitAfter(schedule(TOP), WebhookFixtures.webhook(5, 100), 2);

        assertThat(wait).isBetween(Duration.ofMillis(479_999), Duration.ofSeconds(480));
    }

    @Test
    void aWaitIsCappedAtTheMaximumDelay() {
        assertThat(waitAfter(schedule(TOP), WebhookFixtures.webhook(20, 3600), 4)).isEqualTo(MAX_DELAY);
    }

    @Test
    void aLongerRetryAfterIsHonoured() {
        Instant next = schedule(MIDDLE).next(WebhookFixtures.webhook(5, 60), 1, NOW, Duration.ofMinutes(10)).orElseThrow();

        assertThat(next).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aShorterRetryAfterDoesNotShortenTheWait() {
        Instant next = schedule(MIDDLE).next(WebhookFixtures.webhook(5, 60), 1, NOW, Duration.ofSeconds(5)).orElseThrow();

        assertThat(next).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aRetryAfterBeyondTheMaximumDelayIsCappedAtIt() {
        Instant next = schedule(MIDDLE).next(WebhookFixtures.webhook(5, 60), 1, NOW, Duration.ofDays(2)).orElseThrow();

        assertThat(next).isEqualTo(NOW.plus(MAX_DELAY));
    }

    @Test
    void afterItsLastRetryADeliveryIsNotTriedAgain() {
        Webhook webhook = WebhookFixtures.webhook(5, 60);

        assertThat(schedule(MIDDLE).next(webhook, 5, NOW, null)).isPresent();
        assertThat(schedule(MIDDLE).next(webhook, 6, NOW, null)).isEmpty();
    }

    @Test
    void aWebhookWithoutRetriesIsNotTriedAgain() {
        assertThat(schedule(MIDDLE).next(WebhookFixtures.webhook(0, 60), 1, NOW, Duration.ofSeconds(30))).isEmpty();
    }
}
