package com.cloudpbx.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aKeyIsTheLivePrefixAnd32RandomBytesUrlSafe() {
        ApiKeySecret secret = ApiKeySecret.generate(random);

        assertThat(secret.value()).startsWith("csk_live_").hasSize("csk_live_".length() + 43);
        byte[] decoded = Base64.getUrlDecoder().decode(secret.value().substring("csk_live_".length()));
        assertThat(decoded).hasSize(32);
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(ApiKeySecret.generate(random).value())).isTrue();
        }
    }

    @Test
    void thePreviewMasksAllButTheLastEightCharacters() {
        ApiKeySecret secret = ApiKeySecret.generate(random);

        assertThat(ApiKeySecret.preview(secret.last8()))
                .isEqualTo("csk_live_••••••••" + secret.value().substring(secret.value().length() - 8));
        assertThat(secret.toString()).doesNotContain(secret.value().substring(9, 30));
    }

    @Test
    void onlyTheHashIdentifiesAKeyAndItIsStable() {
        ApiKeySecret secret = ApiKeySecret.generate(random);

        assertThat(secret.hash()).hasSize(64).isEqualTo(ApiKeySecret.hashOf(secret.value()));
        assertThat(secret.hash()).doesNotContain(secret.value());
    }

    @Test
    void malformedKeysAreRecognisedBeforeAnyLookup() {
        assertThat(ApiKeySecret.isWellFormed("csk_live_short")).isFalse();
        assertThat(ApiKeySecret.isWellFormed("eyJhbGciOiJIUzI1NiJ9.e30.x")).isFalse();
        assertThat(ApiKeySecret.looksLikeKey("csk_live_anything")).isTrue();
    }
}
