package com.cloudpbx.core.identity;

import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.shared.EmailAddress;
import com.cloudpbx.core.shared.port.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * On a database without a superadmin, creates one from the configured e-mail and password, or
 * with a generated password that the caller shows once.
 */
public final class BootstrapSuperadmin {

    public static final String DEFAULT_EMAIL = "superadmin@voip.local";

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final SecureRandom random;
    private final Clock clock;

    public BootstrapSuperadmin(AccountRepository accounts, PasswordHasher hasher, Transactions transactions,
                               SecureRandom random, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
    }

    /** What was created, if anything; {@code generatedPassword} is set only when none was configured. */
    public record Outcome(String email, String generatedPassword) {

        @Override
        public String toString() {
            return "Outcome[" + email + "]";
        }
    }

    public Optional<Outcome> ensure(Optional<String> email, Optional<String> password) {
        if (accounts.anySuperadmin()) {
            return Optional.empty();
        }
        var address = new EmailAddress(email.filter(e -> !e.isBlank()).orElse(DEFAULT_EMAIL));
        Optional<String> configured = password.filter(p -> !p.isBlank());
        String chosen = configured.map(p -> Passwords.requireAccountPassword(p, "VOIP_SUPERADMIN_PASSWORD"))
                .orElseGet(this::generatePassword);
        var account = new Account(UUID.randomUUID(), null, AccountKind.SUPERADMIN, address, "Superadmin",
                hasher.hash(chosen), AccountStatus.ACTIVE, clock.instant());
        return transactions.inTransaction(() -> {
            if (accounts.anySuperadmin()) {
                return Optional.empty();
            }
            accounts.insert(account);
            return Optional.of(new Outcome(address.value(), configured.isPresent() ? null : chosen));
        });
    }

    private String generatePassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
