package com.cloudpbx.storage.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.identity.PasswordHasherContract;
import com.cloudpbx.core.identity.port.PasswordHasher;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest extends PasswordHasherContract {

    // The lowest cost bcrypt allows, so the suite stays fast; the default is checked once below.
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Override
    protected PasswordHasher newHasher() {
        return new BcryptPasswordHasher(4);
    }

    @Test
    void writesTheCostIntoTheHash() {
        assertThat(hasher.hash("pw-12345")).startsWith("$2a$04$").hasSize(60);
    }

    @Test
    void usesCost12ByDefault() {
        BcryptPasswordHasher standard = new BcryptPasswordHasher();
        String hash = standard.hash("pw-12345");

        assertThat(hash).startsWith("$2a$12$");
        assertThat(standard.matches("pw-12345", hash)).isTrue();
    }

    @Test
    void verifiesHashesMadeAtAnotherCost() {
        String cheap = hasher.hash("pw-12345");

        assertThat(new BcryptPasswordHasher(5).matches("pw-12345", cheap)).isTrue();
    }

    @Test
    void answersFalseInsteadOfThrowingForUnusableInput() {
        String hash = hasher.hash("pw-12345");

        assertThat(hasher.matches("pw-12345", "not a bcrypt hash")).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
        assertThat(hasher.matches("pw-12345", null)).isFalse();
        assertThat(hasher.matches("x".repeat(100), hash)).isFalse();
    }

    @Test
    void refusesToSilentlyTruncateLongPasswords() {
        assertThatThrownBy(() -> hasher.hash("x".repeat(73))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsCostsBcryptCannotUse() {
        assertThatThrownBy(() -> new BcryptPasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BcryptPasswordHasher(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
