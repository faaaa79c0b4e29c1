package com.cloudpbx.http.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a receiver's {@code Retry-After} is read, at a fixed time; the wire is covered by MicronautWebhookSenderTest. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final MicronautWebhookSender sender = new MicronautWebhookSender(null,
            new WebhookTargetSettings(false, Set.of(443), 10, 10), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void deltaSecondsAreTheWait() {
        assertThat(sender.retryAfter("3600")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anHttpDateIsTheWaitUntilThen() {
        assertThat(sender.retryAfter("Sun, 01 Mar 2026 12:05:30 GMT")).isEqualTo(Duration.ofSeconds(330));
    }

    @Test
    void anHttpDateAlreadyPastIsNoWait() {
        assertThat(sender.retryAfter("Sun, 01 Mar 2026 11:00:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void anUnreadableValueIsIgnored() {
        assertThat(sender.retryAfter("soon")).isNull();
        assertThat(sender.retryAfter("-5")).isNull();
        assertThat(sender.retryAfter("")).isNull();
    }
}
