package com.cloudpbx.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GreetingsTest {

    @Test
    void aPhraseIsKeptTrimmed() {
        assertThat(Greetings.require("  Welcome to Acme. Press 1 for sales.  ", "greeting"))
                .isEqualTo("Welcome to Acme. Press 1 for sales.");
    }

    @Test
    void aRecordingReferenceIsStoredInCanonicalForm() {
        UUID id = UUID.randomUUID();

        assertThat(Greetings.require("Recording: " + id.toString().toUpperCase(), "greeting"))
                .isEqualTo("recording:" + id);
    }

    @Test
    void aRecordingReferenceWithoutAUuidIsRefused() {
        assertThatThrownBy(() -> Greetings.require("recording:welcome.wav", "greeting"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aPhraseLongerThanAThousandCharactersIsRefused() {
        assertThat(Greetings.require("x".repeat(1000), "greeting")).hasSize(1000);
        assertThatThrownBy(() -> Greetings.require("x".repeat(1001), "greeting")).isInstanceOf(DomainException.class);
    }

    @Test
    void aBlankGreetingIsRefused() {
        assertThatThrownBy(() -> Greetings.require(" ", "greeting")).isInstanceOf(DomainException.class);
    }
}
