package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetTest {

    private static final String FIELD = "url";
    private static final Set<Integer> PORTS = Set.of(80, 443, 8080, 8443);

    private static WebhookTarget parse(String url) {
        return WebhookTarget.parse(url, PORTS, FIELD);
    }

    private static void assertRefused(String url, String message) {
        assertThatThrownBy(() -> parse(url)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.details()).singleElement().satisfies(issue -> {
                    assertThat(issue.field()).isEqualTo(FIELD);
                    assertThat(issue.message()).contains(message);
                }));
    }

    @Test
    void anHttpsUrlIsATarget() {
        WebhookTarget target = parse("https://crm.example.com/hooks/pbx?tenant=7");

        assertThat(target.host()).isEqualTo("crm.example.com");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.toString()).isEqualTo("https://crm.example.com/hooks/pbx?tenant=7");
    }

    @Test
    void anHttpUrlWithoutAPortUsesPort80() {
        assertThat(parse("http://crm.example.com/hooks").port()).isEqualTo(80);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://crm.example.com:8080/hooks", "https://crm.example.com:8443/hooks",
            "HTTPS://crm.example.com:443/", "http://crm.example.com:80/"})
    void anAllowedPortIsAccepted(String url) {
        assertThat(parse(url).host()).isEqualTo("crm.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://crm.example.com:22/", "https://crm.example.com:6379/", "http://crm.example.com:5432/"})
    void aPortThatIsNotAllowedIsRefused(String url) {
        assertRefused(url, "is not open to webhooks; allowed: [80, 443, 8080, 8443]");
    }

    @Test
    void theDefaultPortIsRefusedWhenTheInstallationDoesNotAllowIt() {
        assertThatThrownBy(() -> WebhookTarget.parse("https://crm.example.com/hooks", Set.of(8443), FIELD))
                .isInstanceOf(DomainException.class).hasMessageContaining("port 443 is not open to webhooks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://crm.example.com/hooks", "file:///etc/passwd", "gopher://crm.example.com/",
            "crm.example.com/hooks", "javascript:alert(1)"})
    void aUrlOtherThanHttpOrHttpsIsRefused(String url) {
        assertRefused(url, "must be an http or https URL");
    }

    @Test
    void aUrlWithoutAHostIsRefused() {
        assertRefused("http:///hooks", "must name a host");
    }

    @Test
    void aUrlWithCredentialsIsRefused() {
        assertRefused("https://user:secret@crm.example.com/hooks", "may not carry credentials");
    }

    @Test
    void aUrlWithAFragmentIsRefused() {
        assertRefused("https://crm.example.com/hooks#part", "may not have a fragment");
    }

    @Test
    void aMissingUrlIsRefused() {
        assertRefused(" ", "is required");
    }

    @Test
    void aUrlThatIsNotAUrlIsRefused() {
        assertRefused("https://crm example.com/", "is not a URL");
    }

    @Test
    void aUrlOf2048CharactersIsAccepted() {
        String prefix = "https://crm.example.com/";
        String url = prefix + "a".repeat(WebhookTarget.MAX_LENGTH - prefix.length());

        assertThat(parse(url).toString()).hasSize(2048);
    }

    @Test
    void aUrlLongerThan2048CharactersIsRefused() {
        String prefix = "https://crm.example.com/";
        assertRefused(prefix + "a".repeat(WebhookTarget.MAX_LENGTH - prefix.length() + 1), "at most 2048 characters");
    }
}
