package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEventNamesTest {

    private static final String FIELD = "events";

    @Test
    void supportedEventsAreKeptInTheOrderGiven() {
        assertThat(WebhookEventNames.parse(List.of("call.end", "call.start", "presence.change"), FIELD))
                .containsExactly("call.end", "call.start", "presence.change");
    }

    @Test
    void aDuplicateEventIsDropped() {
        assertThat(WebhookEventNames.parse(List.of("call.start", "call.end", "call.start"), FIELD))
                .containsExactly("call.start", "call.end");
    }

    @Test
    void everySupportedEventMayBeSubscribedTo() {
        assertThat(WebhookEventNames.parse(WebhookEventNames.SUPPORTED, FIELD))
                .containsExactlyElementsOf(WebhookEventNames.SUPPORTED);
    }

    @Test
    void anUnsupportedEventIsRefusedNamingTheSupportedOnes() {
        assertThatThrownBy(() -> WebhookEventNames.parse(List.of("call.start", "call.teleport"), FIELD))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("'call.teleport' is not a supported event")
                .hasMessageContaining("call.start, call.ringing");
    }

    @Test
    void theTestEventCannotBeSubscribedTo() {
        assertThatThrownBy(() -> WebhookEventNames.parse(List.of(WebhookEventNames.TEST), FIELD))
                .isInstanceOf(DomainException.class).hasMessageContaining("'webhook.test' is not a supported event");
    }

    @Test
    void aNullEventIsRefused() {
        assertThatThrownBy(() -> WebhookEventNames.parse(Arrays.asList("call.start", null), FIELD))
                .isInstanceOf(DomainException.class).hasMessageContaining("'null' is not a supported event");
    }

    @Test
    void noEventsAreRefused() {
        assertThatThrownBy(() -> WebhookEventNames.parse(List.of(), FIELD))
                .isInstanceOf(DomainException.class).hasMessageContaining("must name at least one event");
        assertThatThrownBy(() -> WebhookEventNames.parse(null, FIELD))
                .isInstanceOf(DomainException.class).hasMessageContaining("must name at least one event");
    }
}
