package com.cloudpbx.storage.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.SecretCipherContract;
import com.cloudpbx.core.shared.port.SecretCipher;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AesGcmSecretCipherTest extends SecretCipherContract {

    private static final byte[] KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(KEY);

    @Override
    protected SecretCipher newCipher() {
        return new AesGcmSecretCipher(KEY);
    }

    @Test
    void writesTheStoredFormsVersion() {
        assertThat(cipher.encrypt("s3cret-SIP-pässword")).startsWith("v1:");
    }

    @Test
    void storesIvCiphertextAndTag() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt("1234").substring(3));

        assertThat(stored).hasSize(12 + 4 + 16);
    }

    @Test
    void encryptsTheSameSecretDifferentlyEachTime() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void detectsTampering() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt("do not touch").substring(3));
        stored[stored.length - 20] ^= 0x01;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(stored);

        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void refusesToDecryptUnderAnotherKey() {
        String stored = cipher.encrypt("for the first key only");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 0x01;

        assertThatThrownBy(() -> new AesGcmSecretCipher(otherKey).decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VOIP_SECRET_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "v2:AAAA", "v1:not base64!", "v1:AAAA"})
    void rejectsValuesNotInTheStoredFormat(String stored) {
        assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void acceptsAesKeySizes(int bytes) {
        AesGcmSecretCipher sized = new AesGcmSecretCipher(new byte[bytes]);

        assertThat(sized.decrypt(sized.encrypt("ok"))).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 31, 33, 64})
    void rejectsOtherKeySizesNamingTheSetting(int bytes) {
        assertThatThrownBy(() -> new AesGcmSecretCipher(new byte[bytes]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_SECRET_KEY");
    }

    @Test
    void parsesAKeyGivenAsHex() {
        assertThat(AesGcmSecretCipher.parseKey(HexFormat.of().formatHex(KEY).toUpperCase())).isEqualTo(KEY);
    }

    @Test
    void parsesAKeyGivenAsBase64() {
        assertThat(AesGcmSecretCipher.parseKey(" " + Base64.getEncoder().encodeToString(KEY) + "\n")).isEqualTo(KEY);
    }

    @Test
    void rejectsConfiguredKeysOfTheWrongShapeWithoutEchoingThem() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> AesGcmSecretCipher.parseKey(tooShort))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_SECRET_KEY")
                .hasMessageNotContaining(tooShort);
        assertThatThrownBy(() -> AesGcmSecretCipher.parseKey("not a key at all!"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AesGcmSecretCipher.parseKey(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not set");
    }
}
