package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CustomHeadersTest {

    private static final String FIELD = "headers";

    private static void assertRefused(Map<String, String> given, String message) {
        assertThatThrownBy(() -> CustomHeaders.parse(given, FIELD))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.details()).singleElement().satisfies(issue -> {
                        assertThat(issue.field()).isEqualTo(FIELD);
                        assertThat(issue.message()).contains(message);
                    });
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Webhook-Signature", "x-webhook-signature", "X-WEBHOOK-ID", "webhook-id", "Webhook-Id",
            "webhook-signature", "webhook-timestamp", "X-Webhook-Event", "X-Webhook-Timestamp", "Content-Type",
            "content-type", "Host", "HOST", "User-Agent", "user-agent", "Content-Length", "Transfer-Encoding",
            "Connection"})
    void aHeaderThePlatformSetsIsRefusedWhateverItsCase(String name) {
        assertRefused(Map.of(name, "x"), name + " is set by the platform");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Token", "X:Token", "X-Tökén", "X(Token)"})
    void aNameThatIsNotAnHttpTokenIsRefused(String name) {
        assertRefused(Map.of(name, "x"), "is not a header name");
    }

    @Test
    void aNameLongerThan64CharactersIsRefused() {
        assertRefused(Map.of("X".repeat(65), "x"), "is not a header name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "a\u0000b", "a\u007fb"})
    void aValueWithALineBreakOrControlCharacterIsRefused(String value) {
        assertRefused(Map.of("X-Token", value), "without line breaks or control characters");
    }

    @Test
    void aValueWithATabIsKept() {
        assertThat(CustomHeaders.parse(Map.of("X-Token", "a\tb"), FIELD).values()).containsEntry("X-Token", "a\tb");
    }

    @Test
    void aValueLongerThan1024CharactersIsRefused() {
        assertRefused(Map.of("X-Token", "v".repeat(1025)), "at most 1024 characters");
    }

    @Test
    void moreThanTwentyHeadersAreRefused() {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < 21; i++) {
            given.put("X-H" + i, "v");
        }

        assertRefused(given, "at most 20 headers");
    }

    @Test
    void twentyHeadersAreKept() {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            given.put("X-H" + i, "v");
        }

        assertThat(CustomHeaders.parse(given, FIELD).values()).hasSize(20);
    }

    @Test
    void theSameNameTwiceInDifferentCaseIsRefused() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("X-Token", "a");
        given.put("x-token", "b");

        assertRefused(given, "x-token is given twice");
    }

    @Test
    void theHeadersKeepTheOrderGiven() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("X-Zeta", "1");
        given.put("Authorization", "Bearer t");
        given.put("X-Alpha", "3");

        assertThat(CustomHeaders.parse(given, FIELD).values().keySet())
                .containsExactly("X-Zeta", "Authorization", "X-Alpha");
    }

    @Test
    void noHeadersAreNone() {
        assertThat(CustomHeaders.parse(null, FIELD)).isSameAs(CustomHeaders.NONE);
        assertThat(CustomHeaders.parse(Map.of(), FIELD)).isSameAs(CustomHeaders.NONE);
    }
}
