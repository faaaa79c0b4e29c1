package com.cloudpbx.core.identity;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.admin;
import static com.cloudpbx.core.testing.StoreSamples.superadmin;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.EmailAddress;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AccountRepository} does; each adapter's test extends this. */
public abstract class AccountRepositoryContract {

    private AccountRepository accounts;
    private TenantRepository tenants;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract AccountRepository newRepository();

    /** Tenants of the same store: every admin belongs to one. */
    protected abstract TenantRepository tenants();

    @BeforeEach
    void startEmpty() {
        accounts = newRepository();
        tenants = tenants();
    }

    @Test
    void anInsertedAdminIsFoundByIdAndEmail() {
        Account boss = admin(newTenant("Acme"), "boss@acme.example.com");

        accounts.insert(boss);

        assertThat(accounts.findById(boss.tenant(), boss.id())).contains(boss);
        assertThat(accounts.findByEmail(boss.email())).contains(boss);
    }

    @Test
    void aSuperadminHasNoTenant() {
        Account root = superadmin("root@platform.example.com");

        accounts.insert(root);

        Account found = accounts.findByIdInAnyTenant(root.id()).orElseThrow();
        assertThat(found).isEqualTo(root);
        assertThat(found.tenant()).isNull();
    }

    @Test
    void anotherTenantsAdminIsNotFoundById() {
        TenantId acme = newTenant("Acme");
        Account boss = admin(acme, "boss@acme.example.com");
        accounts.insert(boss);

        assertThat(accounts.findById(newTenant("Globex"), boss.id())).isEmpty();
        assertThat(accounts.findInScope(Optional.of(acme), boss.id())).contains(boss);
    }

    @Test
    void aSuperadminIsFoundOnlyInAnyTenant() {
        Account root = superadmin("root@platform.example.com");
        accounts.insert(root);

        assertThat(accounts.findById(newTenant("Acme"), root.id())).isEmpty();
        assertThat(accounts.findInScope(Optional.empty(), root.id())).contains(root);
    }

    @Test
    void aDisabledAccountStaysDisabled() {
        Account base = admin(newTenant("Acme"), "gone@acme.example.com");
        var disabled = new Account(base.id(), base.tenant(), base.kind(), base.email(), base.displayName(),
                base.passwordHash(), AccountStatus.DISABLED, base.createdAt());

        accounts.insert(disabled);

        assertThat(accounts.findById(base.tenant(), base.id())).contains(disabled);
    }

    @Test
    void emailsAreMatchedIgnoringCase() {
        Account boss = admin(newTenant("Acme"), "boss@acme.example.com");
        accounts.insert(boss);

        assertThat(accounts.findByEmail(new EmailAddress("Boss@ACME.example.com"))).contains(boss);
        assertThat(accounts.existsEmail(new EmailAddress("BOSS@acme.example.com"))).isTrue();
    }

    @Test
    void unknownAccountsAreNotFound() {
        accounts.insert(admin(newTenant("Acme"), "boss@acme.example.com"));

        assertThat(accounts.findByIdInAnyTenant(UUID.randomUUID())).isEmpty();
        assertThat(accounts.findByEmail(new EmailAddress("nobody@acme.example.com"))).isEmpty();
        assertThat(accounts.existsEmail(new EmailAddress("nobody@acme.example.com"))).isFalse();
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefusedAsDuplicate() {
        TenantId acme = newTenant("Acme");
        accounts.insert(admin(acme, "boss@acme.example.com"));
        Account twin = admin(newTenant("Globex"), "BOSS@acme.example.com");

        assertThatThrownBy(() -> accounts.insert(twin))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
        assertThat(accounts.findById(twin.tenant(), twin.id())).isEmpty();
    }

    @Test
    void anySuperadminIsTrueOnlyOnceASuperadminExists() {
        assertThat(accounts.anySuperadmin()).isFalse();
        accounts.insert(admin(newTenant("Acme"), "boss@acme.example.com"));
        assertThat(accounts.anySuperadmin()).isFalse();

        accounts.insert(superadmin("root@platform.example.com"));

        assertThat(accounts.anySuperadmin()).isTrue();
    }

    @Test
    void recordingALoginLeavesTheAccountAsItWas() {
        Account boss = admin(newTenant("Acme"), "boss@acme.example.com");
        accounts.insert(boss);

        accounts.recordLogin(boss.id(), T0.plusSeconds(3600));
        accounts.recordLogin(UUID.randomUUID(), T0);

        assertThat(accounts.findById(boss.tenant(), boss.id())).contains(boss);
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }
}
