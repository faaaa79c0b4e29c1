package com.cloudpbx.core.extensions;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ExtensionRepository} does; each adapter's test extends this. */
public abstract class ExtensionRepositoryContract {

    private ExtensionRepository extensions;
    private TenantRepository tenants;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract ExtensionRepository newRepository();

    /** Tenants of the same store: every extension belongs to one. */
    protected abstract TenantRepository tenants();

    @BeforeEach
    void startEmpty() {
        extensions = newRepository();
        tenants = tenants();
    }

    @Test
    void anInsertedExtensionIsFoundByIdWithEveryField() {
        TenantId acme = newTenant("Acme");
        var full = new Extension(UUID.randomUUID(), acme, new ExtensionNumber("1001"), "Front desk", "v1:pw",
                true, "v1:pin", true, false, false, new PhoneNumber("+15551234567"), ExtensionStatus.DISABLED,
                "crm-42", "{\"tier\": \"gold\"}", ManualPresence.BUSY, T0, T0.plus(5, ChronoUnit.MINUTES));

        extensions.insert(full);

        assertThat(extensions.findById(full.tenant(), full.id())).contains(full);
    }

    @Test
    void optionalFieldsComeBackEmpty() {
        Extension plain = extension(newTenant("Acme"), "1002");

        extensions.insert(plain);

        Extension found = extensions.findById(plain.tenant(), plain.id()).orElseThrow();
        assertThat(found).isEqualTo(plain);
        assertThat(found.voicemailPinEncrypted()).isNull();
        assertThat(found.outboundCallerId()).isNull();
        assertThat(found.crmUserId()).isNull();
        assertThat(found.crmMetadataJson()).isNull();
    }

    @Test
    void anotherTenantsExtensionIsNotFoundById() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        Extension acmes = extension(acme, "1001");
        extensions.insert(acmes);

        assertThat(extensions.findById(globex, acmes.id())).isEmpty();
        assertThat(extensions.findById(acme, acmes.id())).contains(acmes);
    }

    @Test
    void aSuperadminLookupInAnyTenantFindsEveryTenantsExtension() {
        Extension acmes = extension(newTenant("Acme"), "1001");
        extensions.insert(acmes);

        assertThat(extensions.findByIdInAnyTenant(acmes.id())).contains(acmes);
        assertThat(extensions.findInScope(Optional.empty(), acmes.id())).contains(acmes);
        assertThat(extensions.findInScope(Optional.of(newTenant("Globex")), acmes.id())).isEmpty();
    }

    @Test
    void deletingWithAnotherTenantLeavesTheExtension() {
        TenantId acme = newTenant("Acme");
        Extension acmes = extension(acme, "1001");
        extensions.insert(acmes);

        extensions.delete(newTenant("Globex"), acmes.id());

        assertThat(extensions.findById(acme, acmes.id())).contains(acmes);
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(extensions.findById(newTenant("Acme"), UUID.randomUUID())).isEmpty();
    }

    @Test
    void numbersAreLookedUpWithinOneTenant() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        Extension acmeDesk = extension(acme, "2001");
        Extension globexDesk = extension(globex, "2001");
        extensions.insert(acmeDesk);
        extensions.insert(globexDesk);

        assertThat(extensions.findByNumber(acme, new ExtensionNumber("2001"))).contains(acmeDesk);
        assertThat(extensions.findByNumber(globex, new ExtensionNumber("2001"))).contains(globexDesk);
        assertThat(extensions.findByNumber(acme, new ExtensionNumber("2002"))).isEmpty();
    }

    @Test
    void existsNumberLooksWithinOneTenant() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        extensions.insert(extension(acme, "3001"));

        assertThat(extensions.existsNumber(acme, new ExtensionNumber("3001"))).isTrue();
        assertThat(extensions.existsNumber(globex, new ExtensionNumber("3001"))).isFalse();
        assertThat(extensions.existsNumber(acme, new ExtensionNumber("3002"))).isFalse();
    }

    @Test
    void aSecondExtensionWithTheSameNumberInATenantIsRefusedAsDuplicate() {
        TenantId acme = newTenant("Acme");
        extensions.insert(extension(acme, "4001"));

        assertThatThrownBy(() -> extensions.insert(extension(acme, "4001")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
        assertThat(extensions.list(Optional.of(acme))).hasSize(1);
    }

    @Test
    void updateReplacesEveryFieldButIdTenantNumberAndCreationTime() {
        Extension original = extension(newTenant("Acme"), "5001");
        extensions.insert(original);
        var changed = new Extension(original.id(), original.tenant(), original.number(), "Sales", "v1:new-pw",
                true, "v1:new-pin", true, false, false, new PhoneNumber("+442071838750"), ExtensionStatus.DISABLED,
                "crm-7", "{\"team\": \"emea\"}", ManualPresence.OFFLINE, original.createdAt(),
                T0.plus(1, ChronoUnit.HOURS));

        assertThat(extensions.update(original, changed)).isTrue();

        assertThat(extensions.findById(original.tenant(), original.id())).contains(changed);
    }

    @Test
    void updateCanClearOptionalFields() {
        Extension original = extension(newTenant("Acme"), "5002")
                .withCrmMapping("crm-1", "{\"a\": 1}", T0.plusSeconds(1));
        extensions.insert(original);
        Extension cleared = original.withCrmMapping(null, null, T0.plusSeconds(2));

        extensions.update(original, cleared);

        assertThat(extensions.findById(original.tenant(), original.id())).contains(cleared);
    }

    @Test
    void updateWritesOnlyWhatDiffersFromTheRowAsRead() {
        Extension original = extension(newTenant("Acme"), "5004");
        extensions.insert(original);
        Extension busy = original.withPresence(ManualPresence.BUSY, T0.plusSeconds(1));
        extensions.update(original, busy);

        extensions.update(original, original.withCrmMapping("crm-9", null, T0.plusSeconds(2)));

        Extension found = extensions.findById(original.tenant(), original.id()).orElseThrow();
        assertThat(found.presence()).as("the other writer's change").isEqualTo(ManualPresence.BUSY);
        assertThat(found.crmUserId()).isEqualTo("crm-9");
    }

    @Test
    void updatingAnExtensionThatIsGoneUpdatesNothing() {
        Extension original = extension(newTenant("Acme"), "5005");
        extensions.insert(original);
        extensions.delete(original.tenant(), original.id());

        assertThat(extensions.update(original, original.withPresence(ManualPresence.BUSY, T0.plusSeconds(1))))
                .isFalse();
        assertThat(extensions.findById(original.tenant(), original.id())).isEmpty();
    }

    @Test
    void lockingReadsTheExtensionWithinItsTenantOnly() {
        TenantId acme = newTenant("Acme");
        Extension original = extension(acme, "5006");
        extensions.insert(original);

        assertThat(extensions.lockInScope(Optional.of(acme), original.id())).contains(original);
        assertThat(extensions.lockInScope(Optional.empty(), original.id())).contains(original);
        assertThat(extensions.lockInScope(Optional.of(newTenant("Globex")), original.id())).isEmpty();
        assertThat(extensions.lockInScope(Optional.empty(), UUID.randomUUID())).isEmpty();
    }

    @Test
    void presenceAndCrmMappingChangesAreStored() {
        Extension original = extension(newTenant("Acme"), "5003");
        extensions.insert(original);

        Extension busy = original.withPresence(ManualPresence.BUSY, T0.plusSeconds(10))
                .withCrmMapping("sf-001", "{\"region\": \"north\"}", T0.plusSeconds(11));
        extensions.update(original, busy);

        Extension found = extensions.findById(original.tenant(), original.id()).orElseThrow();
        assertThat(found.presence()).isEqualTo(ManualPresence.BUSY);
        assertThat(found.crmUserId()).isEqualTo("sf-001");
        assertThat(found.crmMetadataJson()).isEqualTo("{\"region\": \"north\"}");
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(11));
    }

    @Test
    void deleteRemovesOnlyThatExtension() {
        TenantId acme = newTenant("Acme");
        Extension gone = extension(acme, "6001");
        Extension kept = extension(acme, "6002");
        extensions.insert(gone);
        extensions.insert(kept);

        extensions.delete(acme, gone.id());
        extensions.delete(acme, UUID.randomUUID());

        assertThat(extensions.findById(gone.tenant(), gone.id())).isEmpty();
        assertThat(extensions.existsNumber(acme, gone.number())).isFalse();
        assertThat(extensions.findById(kept.tenant(), kept.id())).contains(kept);
    }

    @Test
    void aTenantsListHoldsOnlyItsExtensionsOrderedByNumber() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        Extension second = extension(acme, "7002");
        Extension first = extension(acme, "7001");
        Extension third = extension(acme, "7010");
        extensions.insert(second);
        extensions.insert(extension(globex, "7000"));
        extensions.insert(third);
        extensions.insert(first);

        assertThat(extensions.list(Optional.of(acme))).containsExactly(first, second, third);
        assertThat(extensions.list(Optional.of(newTenant("Initech")))).isEmpty();
    }

    @Test
    void theListWithoutTenantHoldsEveryTenantsExtensionsGroupedByTenant() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        Extension acme2 = extension(acme, "8002");
        Extension globex1 = extension(globex, "8001");
        Extension acme1 = extension(acme, "8001");
        Extension globex2 = extension(globex, "8002");
        for (Extension e : List.of(acme2, globex1, acme1, globex2)) {
            extensions.insert(e);
        }

        List<Extension> all = extensions.list(Optional.empty());

        assertThat(all).containsExactlyInAnyOrder(acme1, acme2, globex1, globex2);
        // Which tenant comes first is the store's business; within one, numbers ascend.
        List<TenantId> tenantOrder = all.stream().map(Extension::tenant).distinct().toList();
        assertThat(tenantOrder).hasSize(2);
        assertThat(all.stream().filter(e -> e.tenant().equals(acme))).containsExactly(acme1, acme2);
        assertThat(all.stream().filter(e -> e.tenant().equals(globex))).containsExactly(globex1, globex2);
        assertThat(all.subList(0, 2)).extracting(Extension::tenant).containsOnly(tenantOrder.get(0));
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }
}
