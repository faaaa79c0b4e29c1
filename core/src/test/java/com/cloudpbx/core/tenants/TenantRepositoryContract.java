package com.cloudpbx.core.tenants;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.admin;
import static com.cloudpbx.core.testing.StoreSamples.adminKey;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.superadmin;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static com.cloudpbx.core.testing.StoreSamples.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.Account;
import com.cloudpbx.core.identity.ApiKey;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TenantRepository} does; each adapter's test extends this. */
public abstract class TenantRepositoryContract {

    private TenantRepository tenants;
    private ExtensionRepository extensions;
    private AccountRepository accounts;
    private ApiKeyRepository keys;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract TenantRepository newRepository();

    /** Extensions of the same store, which a tenant's stats count and its deletion removes. */
    protected abstract ExtensionRepository extensions();

    /** Accounts of the same store. */
    protected abstract AccountRepository accounts();

    /** API keys of the same store. */
    protected abstract ApiKeyRepository apiKeys();

    @BeforeEach
    void startEmpty() {
        tenants = newRepository();
        extensions = extensions();
        accounts = accounts();
        keys = apiKeys();
    }

    @Test
    void anInsertedTenantIsFoundById() {
        Tenant acme = tenant("Acme Corp");

        tenants.insert(acme);

        assertThat(tenants.findById(acme.id())).contains(acme);
        assertThat(tenants.findById(TenantId.of(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aTenantIsFoundByItsSipDomain() {
        Tenant acme = tenant("Acme Corp");
        tenants.insert(acme);
        tenants.insert(tenant("Other Corp"));

        assertThat(tenants.findBySipDomain(acme.sipDomain())).contains(acme);
        assertThat(tenants.findBySipDomain("nobody." + acme.sipDomain())).isEmpty();
    }

    @Test
    void aSuspendedTenantStaysSuspended() {
        Tenant base = tenant("Sleepy");
        var suspended = new Tenant(base.id(), base.companyName(), base.subdomain(), base.sipDomain(),
                TenantStatus.SUSPENDED, base.createdAt(), base.updatedAt());

        tenants.insert(suspended);

        assertThat(tenants.findById(base.id())).contains(suspended);
    }

    @Test
    void findAllIsOrderedByCompanyName() {
        Tenant charlie = tenant("Charlie");
        Tenant alpha = tenant("Alpha");
        Tenant bravo = tenant("Bravo");
        tenants.insert(charlie);
        tenants.insert(alpha);
        tenants.insert(bravo);

        assertThat(tenants.findAll()).containsExactly(alpha, bravo, charlie);
    }

    @Test
    void existsSubdomainTellsWhetherALabelIsTaken() {
        Tenant acme = tenant("Acme");
        tenants.insert(acme);

        assertThat(tenants.existsSubdomain(acme.subdomain())).isTrue();
        assertThat(tenants.existsSubdomain(new Subdomain("free-label"))).isFalse();
    }

    @Test
    void aSecondTenantWithATakenSubdomainIsRefusedAsDuplicate() {
        Tenant acme = tenant("Acme");
        tenants.insert(acme);
        var copycat = new Tenant(TenantId.of(UUID.randomUUID()), "Copycat", acme.subdomain(), acme.sipDomain(),
                TenantStatus.ACTIVE, T0, T0);

        assertThatThrownBy(() -> tenants.insert(copycat))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
        assertThat(tenants.findById(copycat.id())).isEmpty();
    }

    @Test
    void lockingReadsTheTenant() {
        Tenant acme = tenant("Acme");
        tenants.insert(acme);

        assertThat(tenants.lockById(acme.id())).contains(acme);
        assertThat(tenants.lockById(TenantId.of(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void sharingALockReadsTheTenant() {
        Tenant acme = tenant("Acme");
        tenants.insert(acme);

        assertThat(tenants.shareLockById(acme.id())).contains(acme);
        assertThat(tenants.shareLockById(TenantId.of(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void updateReplacesNameSubdomainSipDomainStatusAndUpdateTime() {
        Tenant acme = tenant("Acme");
        tenants.insert(acme);
        var renamed = new Tenant(acme.id(), "Acme Holdings", new Subdomain("acme-holdings"),
                "acme-holdings.sip.example.com", TenantStatus.SUSPENDED, acme.createdAt(),
                T0.plus(1, ChronoUnit.DAYS));

        tenants.update(renamed);

        assertThat(tenants.findById(acme.id())).contains(renamed);
        assertThat(tenants.existsSubdomain(acme.subdomain())).isFalse();
        assertThat(tenants.existsSubdomain(renamed.subdomain())).isTrue();
    }

    @Test
    void movingOntoATakenSubdomainIsRefusedAsDuplicate() {
        Tenant acme = tenant("Acme");
        Tenant globex = tenant("Globex");
        tenants.insert(acme);
        tenants.insert(globex);
        var clash = new Tenant(globex.id(), globex.companyName(), acme.subdomain(), acme.sipDomain(),
                globex.status(), globex.createdAt(), T0.plusSeconds(60));

        assertThatThrownBy(() -> tenants.update(clash))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
    }

    @Test
    void deletingATenantRemovesItsExtensionsAccountsAndKeys() {
        Tenant doomed = tenant("Doomed");
        Tenant other = tenant("Other");
        tenants.insert(doomed);
        tenants.insert(other);
        Extension phone = extension(doomed.id(), "1001");
        Extension otherPhone = extension(other.id(), "1001");
        extensions.insert(phone);
        extensions.insert(otherPhone);
        Account boss = admin(doomed.id(), "boss@doomed.example.com");
        accounts.insert(boss);
        ApiKey key = adminKey(doomed.id(), "crm", T0);
        keys.insert(key);

        tenants.delete(doomed.id());

        assertThat(tenants.findById(doomed.id())).isEmpty();
        assertThat(extensions.findByIdInAnyTenant(phone.id())).isEmpty();
        assertThat(accounts.findByIdInAnyTenant(boss.id())).isEmpty();
        assertThat(keys.findByIdInAnyTenant(key.id())).isEmpty();
        assertThat(tenants.findById(other.id())).contains(other);
        assertThat(extensions.findByIdInAnyTenant(otherPhone.id())).contains(otherPhone);
    }

    @Test
    void statsOfAnEmptyTenantAreZero() {
        Tenant empty = tenant("Empty");
        tenants.insert(empty);

        assertThat(tenants.stats(empty.id())).isEqualTo(new TenantStats(0, 0, 0, 0));
    }

    @Test
    void statsCountExtensionsActiveExtensionsAdminsAndActiveKeysOfThatTenantOnly() {
        Tenant acme = tenant("Acme");
        Tenant globex = tenant("Globex");
        tenants.insert(acme);
        tenants.insert(globex);
        extensions.insert(extension(acme.id(), "1001"));
        extensions.insert(extension(acme.id(), "1002"));
        extensions.insert(withStatus(extension(acme.id(), "1003"), ExtensionStatus.DISABLED));
        extensions.insert(extension(globex.id(), "1001"));
        accounts.insert(admin(acme.id(), "one@acme.example.com"));
        accounts.insert(admin(acme.id(), "two@acme.example.com"));
        accounts.insert(admin(globex.id(), "one@globex.example.com"));
        accounts.insert(superadmin("root@platform.example.com"));
        keys.insert(adminKey(acme.id(), "crm", T0));
        keys.insert(adminKey(acme.id(), "billing", T0));
        ApiKey revoked = adminKey(acme.id(), "old", T0);
        keys.insert(revoked);
        keys.revoke(revoked.id());
        keys.insert(adminKey(globex.id(), "crm", T0));

        assertThat(tenants.stats(acme.id())).isEqualTo(new TenantStats(3, 2, 2, 2));
        assertThat(tenants.stats(globex.id())).isEqualTo(new TenantStats(1, 1, 1, 1));
    }
}
