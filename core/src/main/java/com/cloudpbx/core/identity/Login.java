package com.cloudpbx.core.identity;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.identity.port.LoginThrottle;
import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.CredentialStamp;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.EmailAddress;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The three login flows. Failures say only "invalid credentials" so they reveal no account,
 * and an unknown account costs the same hash as a known one.
 */
public final class Login {

    private static final String INVALID = "Invalid credentials";

    // Checked before any throttle, lookup or hash, so an oversized input costs nothing but its read.
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_USERNAME_LENGTH = 16;
    static final int MAX_PASSWORD_LENGTH = 128;

    private final AccountRepository accounts;
    private final ExtensionRepository extensions;
    private final TenantRepository tenants;
    private final PasswordHasher hasher;
    private final SecretCipher cipher;
    private final LoginThrottle throttle;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final CredentialVersions versions;
    private final Clock clock;
    private final String decoyHash;

    public Login(AccountRepository accounts, ExtensionRepository extensions, TenantRepository tenants,
                 PasswordHasher hasher, SecretCipher cipher, LoginThrottle throttle, Transactions transactions,
                 AuditRecorder audit, CredentialVersions versions, Clock clock) {
        this.accounts = accounts;
        this.extensions = extensions;
        this.tenants = tenants;
        this.hasher = hasher;
        this.cipher = cipher;
        this.throttle = throttle;
        this.transactions = transactions;
        this.audit = audit;
        this.versions = versions;
        this.clock = clock;
        this.decoyHash = hasher.hash(UUID.randomUUID().toString());
    }

    public LoginResult admin(String email, String password, String clientAddress) {
        Account account = verifiedAccount(email, password, clientAddress);
        // Read before the tenant's state: a suspension committed in between then refuses this login
        // or, if it comes later, the token it issues.
        long version = account.tenant() == null ? 0 : versions.ofTenant(account.tenant());
        if (account.kind() != AccountKind.ADMIN) {
            throw DomainException.forbidden("This account is a superadmin: use the superadmin login");
        }
        Tenant tenant = tenants.findById(account.tenant()).orElseThrow(() -> DomainException.unauthorized(INVALID));
        if (!tenant.isActive()) {
            throw DomainException.forbidden("The tenant " + tenant.companyName() + " is suspended");
        }
        return succeed(account, tenant, version, clientAddress);
    }

    public LoginResult superadmin(String email, String password, String clientAddress) {
        Account account = verifiedAccount(email, password, clientAddress);
        if (account.kind() != AccountKind.SUPERADMIN) {
            throw DomainException.forbidden("This account is not a superadmin");
        }
        return succeed(account, null, 0, clientAddress);
    }

    /** Extension users log in with their extension number and SIP password. */
    public LoginResult extension(String username, String password, UUID tenantId, String clientAddress) {
        Checks.required(username, "username");
        Checks.required(password, "password");
        Checks.required(tenantId, "tenantId");
        withinLength(username, "username", MAX_USERNAME_LENGTH);
        withinLength(password, "password", MAX_PASSWORD_LENGTH);
        throttle.acquire(tenantId + "/" + username, clientAddress);
        TenantId tenant = TenantId.of(tenantId);
        long tenantVersion = versions.ofTenant(tenant);
        Optional<UUID> candidate = ExtensionNumber.isValid(username)
                ? extensions.findByNumber(tenant, new ExtensionNumber(username)).map(Extension::id) : Optional.empty();
        long extensionVersion = candidate.map(versions::ofExtension).orElse(0L);
        // The password and state are read after the versions, so a token never carries versions
        // newer than what it was checked against: a change committed in between refuses it later.
        Optional<Extension> found = tenants.findById(tenant).filter(Tenant::isActive)
                .flatMap(t -> candidate.flatMap(id -> extensions.findById(tenant, id)));
        if (found.isEmpty() || !constantTimeEquals(cipher.decrypt(found.get().sipPasswordEncrypted()), password)) {
            throw DomainException.unauthorized(INVALID);
        }
        Extension extension = found.get();
        if (!extension.isActive()) {
            throw DomainException.forbidden("Extension " + extension.number() + " is disabled");
        }
        var principal = new Principal(extension.id(), PrincipalKind.EXTENSION, Role.USER, extension.tenant(),
                extension.id(), Set.of(), new CredentialStamp(tenantVersion, extensionVersion).packed());
        Tenant home = tenants.findById(extension.tenant()).orElseThrow();
        transactions.run(() -> audit.record(principal, home.id(), "login", "extension", extension.id(), clientAddress));
        return new LoginResult(principal, extension.displayName(), null, extension.number().value(), home);
    }

    private Account verifiedAccount(String email, String password, String clientAddress) {
        Checks.required(email, "email");
        Checks.required(password, "password");
        withinLength(email, "email", MAX_EMAIL_LENGTH);
        withinLength(password, "password", MAX_PASSWORD_LENGTH);
        throttle.acquire(email.strip().toLowerCase(java.util.Locale.ROOT), clientAddress);
        Optional<Account> account;
        try {
            account = accounts.findByEmail(new EmailAddress(email));
        } catch (IllegalArgumentException notAnEmail) {
            account = Optional.empty();
        }
        boolean matches = hasher.matches(password, account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            throw DomainException.unauthorized(INVALID);
        }
        if (account.get().status() != AccountStatus.ACTIVE) {
            throw DomainException.forbidden("This account is disabled");
        }
        return account.get();
    }

    private LoginResult succeed(Account account, Tenant tenant, long version, String clientAddress) {
        transactions.run(() -> {
            accounts.recordLogin(account.id(), clock.instant());
            audit.record(account.principal(), account.tenant(), "login", "account", account.id(), clientAddress);
        });
        return new LoginResult(account.principal().withCredentialVersion(new CredentialStamp(version, 0).packed()),
                account.displayName(),
                account.email().value(), null, tenant);
    }

    private static void withinLength(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw DomainException.invalid(field, "must be at most " + maxLength + " characters");
        }
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
