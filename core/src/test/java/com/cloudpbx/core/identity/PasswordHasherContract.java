package com.cloudpbx.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.identity.port.PasswordHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PasswordHasher} must do; adapters extend this with their own hasher, set to
 * its cheapest work factor so the suite stays fast.
 */
public abstract class PasswordHasherContract {

    private PasswordHasher hasher;

    /** A hasher set up the same way on every call, as a restarted server is. */
    protected abstract PasswordHasher newHasher();

    @BeforeEach
    void aHasher() {
        hasher = newHasher();
    }

    @Test
    void aHashMatchesThePasswordItWasMadeFrom() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void theEmptyPasswordDoesNotMatchAnotherPasswordsHash() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void aPasswordThatIsAPrefixOfTheRightOneDoesNotMatch() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hasher.matches("correct horse", hash)).isFalse();
    }

    /** One-way: what is stored gives the password away neither whole nor in part. */
    @Test
    void aHashDoesNotContainThePassword() {
        assertThat(hasher.hash("correct horse battery")).doesNotContain("correct").doesNotContain("battery");
    }

    /** Salted: equal passwords of two accounts cannot be told apart, nor looked up in a precomputed table. */
    @Test
    void twoHashesOfOnePasswordDiffer() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void eachOfTwoHashesOfOnePasswordMatchesIt() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");

        assertThat(hasher.matches("same password", first)).isTrue();
        assertThat(hasher.matches("same password", second)).isTrue();
    }

    @Test
    void aPasswordBeyondAsciiMatchesItsHash() {
        String hash = hasher.hash("pässwörd-密码");

        assertThat(hasher.matches("pässwörd-密码", hash)).isTrue();
        assertThat(hasher.matches("passwort-密码", hash)).isFalse();
    }

    @Test
    void aHashMadeByAnotherInstanceMatches() {
        String hash = newHasher().hash("correct horse battery");

        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    }
}
