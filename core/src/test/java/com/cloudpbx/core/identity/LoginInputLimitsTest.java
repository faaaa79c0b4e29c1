package com.cloudpbx.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Oversized identifiers and passwords are refused before any throttle, lookup or hash work: the
 * login's repositories, cipher and transactions are absent here, so any work beyond the check fails.
 */
class LoginInputLimitsTest {

    private final AtomicInteger throttled = new AtomicInteger();
    private final CountingHasher hasher = new CountingHasher();
    private final Login login = new Login(null, null, null, hasher, null,
            (account, address) -> throttled.incrementAndGet(), null, null, null, Clock.systemUTC());

    @Test
    void anAdminEmailLongerThan254CharactersIsRefusedNamingTheField() {
        assertRefused(() -> login.admin(email(255), "password-1", "203.0.113.1"), "email");
    }

    @Test
    void aSuperadminEmailLongerThan254CharactersIsRefusedNamingTheField() {
        assertRefused(() -> login.superadmin(email(255), "password-1", "203.0.113.1"), "email");
    }

    @Test
    void anAccountPasswordLongerThan128CharactersIsRefusedNamingTheField() {
        assertRefused(() -> login.admin("admin@example.test", "p".repeat(129), "203.0.113.1"), "password");
    }

    @Test
    void anExtensionUsernameLongerThan16CharactersIsRefusedNamingTheField() {
        assertRefused(() -> login.extension("1".repeat(17), "password-1", UUID.randomUUID(), "203.0.113.1"),
                "username");
    }

    @Test
    void anExtensionPasswordLongerThan128CharactersIsRefusedNamingTheField() {
        assertRefused(() -> login.extension("101", "p".repeat(129), UUID.randomUUID(), "203.0.113.1"),
                "password");
    }

    @Test
    void aMegabytePasswordCostsNoHash() {
        int hashesBefore = hasher.calls.get();

        assertRefused(() -> login.admin("admin@example.test", "p".repeat(1_000_000), "203.0.113.1"), "password");

        assertThat(hasher.calls.get()).isEqualTo(hashesBefore);
    }

    private void assertRefused(Runnable attempt, String field) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.details()).singleElement().satisfies(issue -> assertThat(issue.field()).isEqualTo(field));
        });
        assertThat(throttled).hasValue(0);
    }

    private static String email(int length) {
        String domain = "@example.test";
        return "a".repeat(length - domain.length()) + domain;
    }

    private static final class CountingHasher implements PasswordHasher {

        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public String hash(String password) {
            calls.incrementAndGet();
            return "hash";
        }

        @Override
        public boolean matches(String password, String hash) {
            calls.incrementAndGet();
            return false;
        }
    }
}
