package com.cloudpbx.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.port.SecretCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SecretCipher} must do; adapters extend this with their own cipher under a test key. */
public abstract class SecretCipherContract {

    private SecretCipher cipher;

    /** A cipher under the same key on every call, as a restarted server is. */
    protected abstract SecretCipher newCipher();

    @BeforeEach
    void aCipher() {
        cipher = newCipher();
    }

    @Test
    void decryptsWhatItEncrypted() {
        assertThat(cipher.decrypt(cipher.encrypt("s3cret-SIP-password"))).isEqualTo("s3cret-SIP-password");
    }

    @Test
    void roundTripsTextBeyondAscii() {
        assertThat(cipher.decrypt(cipher.encrypt("pässwörd-密码-☎"))).isEqualTo("pässwörd-密码-☎");
    }

    @Test
    void roundTripsTheEmptyString() {
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void roundTripsALongSecret() {
        String longSecret = "x".repeat(4_096);

        assertThat(cipher.decrypt(cipher.encrypt(longSecret))).isEqualTo(longSecret);
    }

    @Test
    void theCiphertextDoesNotContainTheSecret() {
        assertThat(cipher.encrypt("s3cret-SIP-password")).doesNotContain("s3cret").doesNotContain("password");
    }

    @Test
    void anotherInstanceUnderTheSameKeyDecryptsIt() {
        String stored = cipher.encrypt("s3cret-SIP-password");

        assertThat(newCipher().decrypt(stored)).isEqualTo("s3cret-SIP-password");
    }
}
