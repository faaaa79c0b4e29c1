package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretsTest {

    private static final String FIELD = "secret";

    private final WebhookSecrets secrets = new WebhookSecrets(new SecureRandom());

    private static String whsec(int bytes) {
        byte[] key = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private void assertRefused(String chosen, String message) {
        assertThatThrownBy(() -> secrets.chosenOrGenerated(chosen, FIELD))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details()).singleElement()
                        .satisfies(issue -> {
                            assertThat(issue.field()).isEqualTo(FIELD);
                            assertThat(issue.message()).contains(message);
                        }));
    }

    @Test
    void aGeneratedSecretIsWhsecAndTheBase64Of32Bytes() {
        String secret = secrets.generate();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
    }

    @Test
    void twoGeneratedSecretsDiffer() {
        assertThat(secrets.generate()).isNotEqualTo(secrets.generate());
    }

    @Test
    void noChosenSecretAsksForAGeneratedOne() {
        assertThat(secrets.chosenOrGenerated(null, FIELD)).startsWith("whsec_").hasSize(6 + 44);
        assertThat(secrets.chosenOrGenerated("  ", FIELD)).startsWith("whsec_").hasSize(6 + 44);
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 32, 64})
    void aChosenWhsecSecretOf24To64BytesIsKept(int bytes) {
        String chosen = whsec(bytes);

        assertThat(secrets.chosenOrGenerated(chosen, FIELD)).isEqualTo(chosen);
    }

    @ParameterizedTest
    @ValueSource(ints = {23, 65})
    void aChosenWhsecSecretOfFewerThan24OrMoreThan64BytesIsRefused(int bytes) {
        assertRefused(whsec(bytes), "encodes 24 to 64 bytes");
    }

    @Test
    void aWhsecSecretThatIsNotBase64IsRefused() {
        assertRefused("whsec_not*base64!not*base64!not*base64!", "continues in base64");
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 100, 255})
    void aPlainSecretOf24To255PrintableCharactersIsKept(int length) {
        String chosen = "k".repeat(length);

        assertThat(secrets.chosenOrGenerated(chosen, FIELD)).isEqualTo(chosen);
    }

    @ParameterizedTest
    @ValueSource(ints = {23, 256})
    void aPlainSecretOfFewerThan24OrMoreThan255CharactersIsRefused(int length) {
        assertRefused("k".repeat(length), "must be 24 to 255 printable characters");
    }

    @Test
    void aPlainSecretWithASpaceIsRefused() {
        assertRefused("a secret with spaces in it, long enough", "without spaces");
    }

    @Test
    void aPlainSecretWithAControlCharacterIsRefused() {
        assertRefused("a-secret-long-enough-to-pass\u0007", "without spaces");
    }
}
