package com.cloudpbx.core.provisioning;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.SipAccount;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.extensions.port.SipSubscriberDirectory;
import com.cloudpbx.core.identity.Account;
import com.cloudpbx.core.identity.AccountKind;
import com.cloudpbx.core.identity.AccountStatus;
import com.cloudpbx.core.identity.Passwords;
import com.cloudpbx.core.identity.ResolveActor;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.EmailAddress;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.NewTenant;
import com.cloudpbx.core.tenants.SipDomains;
import com.cloudpbx.core.tenants.Subdomain;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantChanges;
import com.cloudpbx.core.tenants.TenantStats;
import com.cloudpbx.core.tenants.TenantStatus;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Superadmin-only management of tenants; a new tenant comes with its first admin. */
public final class TenantProvisioning {

    private static final String RESOURCE = "tenant";

    private final ConfigurationChanges configuration;
    private final TenantRepository tenants;
    private final AccountRepository accounts;
    private final ExtensionRepository extensions;
    private final SipSubscriberDirectory subscribers;
    private final SecretCipher cipher;
    private final PasswordHasher hasher;
    private final SipDomains sipDomains;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final CredentialVersions versions;
    private final ResolveActor standings;
    private final Clock clock;

    public TenantProvisioning(TenantRepository tenants, AccountRepository accounts, ExtensionRepository extensions,
                              SipSubscriberDirectory subscribers, SecretCipher cipher, PasswordHasher hasher,
                              SipDomains sipDomains, Transactions transactions, AuditRecorder audit,
                              CredentialVersions versions, ResolveActor standings, Clock clock,
                              ConfigurationChanges configuration) {
        this.configuration = configuration;
        this.tenants = tenants;
        this.accounts = accounts;
        this.extensions = extensions;
        this.subscribers = subscribers;
        this.cipher = cipher;
        this.hasher = hasher;
        this.sipDomains = sipDomains;
        this.transactions = transactions;
        this.audit = audit;
        this.versions = versions;
        this.standings = standings;
        this.clock = clock;
    }

    public List<Tenant> list(Actor actor) {
        actor.requireSuperadmin();
        return tenants.findAll();
    }

    public Tenant get(Actor actor, UUID id) {
        actor.requireSuperadmin();
        return find(id);
    }

    public TenantStats stats(Actor actor, UUID id) {
        actor.requireSuperadmin();
        return tenants.stats(find(id).id());
    }

    public CreatedTenant create(Actor actor, NewTenant request) {
        actor.requireSuperadmin();
        String companyName = Checks.requireText(request.companyName(), "companyName", 200);
        Subdomain subdomain = Subdomain.parse(request.subdomain(), "subdomain");
        TenantStatus status = request.status() == null ? TenantStatus.ACTIVE
                : TenantStatus.parse(request.status(), "status");
        EmailAddress email = EmailAddress.parse(request.adminEmail(), "adminEmail");
        String password = Passwords.requireAccountPassword(request.adminPassword(), "adminPassword");
        String adminName = request.adminName() == null ? companyName + " admin"
                : Checks.requireText(request.adminName(), "adminName", 100);
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        var tenant = new Tenant(TenantId.of(UUID.randomUUID()), companyName, subdomain,
                sipDomains.domainFor(subdomain), status, now, now);
        var admin = new Account(UUID.randomUUID(), tenant.id(), AccountKind.ADMIN, email, adminName, hash,
                AccountStatus.ACTIVE, now);
        return transactions.inTransaction(() -> {
            if (tenants.existsSubdomain(subdomain)) {
                throw DomainException.badRequest("DUPLICATE_SUBDOMAIN", "Subdomain " + subdomain + " is already taken");
            }
            if (accounts.existsEmail(email)) {
                throw DomainException.badRequest("DUPLICATE_EMAIL", "An account with e-mail " + email + " already exists");
            }
            tenants.insert(tenant);
            accounts.insert(admin);
            audit.record(actor, tenant.id(), "create", RESOURCE, tenant.id());
            return new CreatedTenant(tenant, admin);
        });
    }

    /**
     * A new subdomain moves the tenant's SIP domain, so every phone account is re-keyed with it.
     * The tenant is read and written under its row lock, so a racing update cannot undo a
     * suspension; suspending refuses every login token issued before.
     */
    public Tenant update(Actor actor, UUID id, TenantChanges changes) {
        actor.requireSuperadmin();
        Tenant updated = transactions.inTransaction(() -> {
            Tenant current = tenants.lockById(TenantId.of(id)).orElseThrow(() -> DomainException.notFound("Tenant"));
            Tenant next = applied(current, changes);
            boolean moved = !next.subdomain().equals(current.subdomain());
            if (moved && tenants.existsSubdomain(next.subdomain())) {
                throw DomainException.badRequest("DUPLICATE_SUBDOMAIN",
                        "Subdomain " + next.subdomain() + " is already taken");
            }
            tenants.update(next);
            if (moved) {
                moveSubscribers(current, next);
            }
            if (current.isActive() && !next.isActive()) {
                versions.advanceTenant(current.id());
            }
            audit.record(actor, current.id(), "update", RESOURCE, current.id());
            return next;
        });
        standings.tenantChanged(updated.id());
        configuration.changed(updated.id());
        return updated;
    }

    private Tenant applied(Tenant current, TenantChanges changes) {
        String companyName = changes.companyName().present()
                ? Checks.requireText(changes.companyName().value(), "companyName", 200) : current.companyName();
        Subdomain subdomain = changes.subdomain().present()
                ? Subdomain.parse(changes.subdomain().value(), "subdomain") : current.subdomain();
        TenantStatus status = changes.status().present()
                ? TenantStatus.parse(changes.status().value(), "status") : current.status();
        return new Tenant(current.id(), companyName, subdomain, sipDomains.domainFor(subdomain), status,
                current.createdAt(), clock.instant());
    }

    /**
     * Deleting a tenant removes its extensions, accounts and keys, and its phones' registrar rows:
     * the rows first, which waits for any extension update holding a row lock, so a password it
     * registered is removed with the rest.
     */
    public Tenant delete(Actor actor, UUID id) {
        actor.requireSuperadmin();
        Tenant current = find(id);
        Tenant deleted = transactions.inTransaction(() -> {
            tenants.delete(current.id());
            subscribers.unregisterDomain(current.sipDomain());
            audit.record(actor, current.id(), "delete", RESOURCE, current.id());
            return current;
        });
        standings.tenantChanged(deleted.id());
        configuration.changed(deleted.id());
        return deleted;
    }

    private void moveSubscribers(Tenant from, Tenant to) {
        subscribers.unregisterDomain(from.sipDomain());
        for (Extension extension : extensions.list(Optional.of(to.id()))) {
            subscribers.register(new SipAccount(extension.number().value(), to.sipDomain(),
                    cipher.decrypt(extension.sipPasswordEncrypted())));
        }
    }

    private Tenant find(UUID id) {
        return tenants.findById(TenantId.of(id)).orElseThrow(() -> DomainException.notFound("Tenant"));
    }
}
