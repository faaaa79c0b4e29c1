package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.PagingGroupRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PagingGroupRepository} does; each adapter's test extends this. */
public abstract class PagingGroupRepositoryContract {

    private PagingGroupRepository groups;
    private TenantRepository tenants;
    private ExtensionRepository extensions;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract PagingGroupRepository newRepository();

    /** Tenants of the same store. */
    protected abstract TenantRepository tenants();

    /** Extensions of the same store: members are the tenant's extensions. */
    protected abstract ExtensionRepository extensions();

    @BeforeEach
    void startEmpty() {
        groups = newRepository();
        tenants = tenants();
        extensions = extensions();
    }

    @Test
    void anInsertedGroupIsFoundByIdWithEveryFieldAndItsMembersInOrder() {
        TenantId acme = newTenant("Acme");
        withExtensions(acme, "1001", "1002", "1003");
        PagingGroup group = new PagingGroup(UUID.randomUUID(), acme, "Floor", "Warehouse speakers", "*801",
                List.of("1003", "1001", "1002"), T0, T0.plus(1, ChronoUnit.MINUTES));

        groups.insert(group);

        assertThat(groups.findById(acme, group.id())).contains(group);
        assertThat(groups.findByExtensionCode(acme, "*801")).contains(group);
    }

    @Test
    void aGroupWithoutDescriptionOrMembersComesBackSo() {
        TenantId acme = newTenant("Acme");
        PagingGroup group = group(acme, "Empty", "*1");

        groups.insert(group);

        assertThat(groups.findById(acme, group.id())).contains(group);
    }

    @Test
    void anotherTenantsGroupIsNotFound() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        PagingGroup group = group(acme, "Floor", "*801");
        groups.insert(group);

        assertThat(groups.findById(globex, group.id())).isEmpty();
        assertThat(groups.findByExtensionCode(globex, "*801")).isEmpty();
        assertThat(groups.lockInScope(Optional.of(globex), group.id())).isEmpty();
        assertThat(groups.findByIdInAnyTenant(group.id())).contains(group);
        assertThat(groups.lockInScope(Optional.empty(), group.id())).contains(group);
    }

    @Test
    void aNameOrCodeTakenInTheTenantIsADuplicateButAnotherTenantMayUseThem() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        groups.insert(group(acme, "Floor", "*801"));

        assertThatThrownBy(() -> groups.insert(group(acme, "Floor", "*802")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
        assertThatThrownBy(() -> groups.insert(group(acme, "Office", "*801")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
        groups.insert(group(globex, "Floor", "*801"));
        assertThat(groups.findByName(globex, "Floor")).isPresent();
    }

    @Test
    void anUpdateReplacesTheFieldsAndTheWholeMemberList() {
        TenantId acme = newTenant("Acme");
        withExtensions(acme, "1001", "1002");
        PagingGroup group = new PagingGroup(UUID.randomUUID(), acme, "Floor", null, "*801", List.of("1001"), T0, T0);
        groups.insert(group);
        PagingGroup changed = new PagingGroup(group.id(), acme, "Office", "Desks", "*802", List.of("1002", "1001"),
                T0, T0.plus(1, ChronoUnit.HOURS));

        assertThat(groups.update(changed)).isTrue();

        assertThat(groups.findById(acme, group.id())).contains(changed);
    }

    @Test
    void updatingAGroupThatIsGoneChangesNothing() {
        TenantId acme = newTenant("Acme");

        assertThat(groups.update(group(acme, "Ghost", "*9"))).isFalse();
        assertThat(groups.list(Optional.of(acme))).isEmpty();
    }

    @Test
    void deletingAnExtensionDropsItsMemberships() {
        TenantId acme = newTenant("Acme");
        List<Extension> members = withExtensions(acme, "1001", "1002");
        PagingGroup group = new PagingGroup(UUID.randomUUID(), acme, "Floor", null, "*801",
                List.of("1001", "1002"), T0, T0);
        groups.insert(group);

        extensions.delete(acme, members.get(0).id());

        assertThat(groups.findById(acme, group.id()).orElseThrow().members()).containsExactly("1002");
    }

    @Test
    void deleteWithinTheTenantOnly() {
        TenantId acme = newTenant("Acme");
        PagingGroup group = group(acme, "Floor", "*801");
        groups.insert(group);

        groups.delete(newTenant("Globex"), group.id());
        assertThat(groups.findById(acme, group.id())).isPresent();
        groups.delete(acme, group.id());
        assertThat(groups.findById(acme, group.id())).isEmpty();
    }

    @Test
    void aListIsOrderedByNameWithinTheTenantAndSpansTenantsWithoutOne() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        groups.insert(group(acme, "Warehouse", "*1"));
        groups.insert(group(acme, "Office", "*2"));
        groups.insert(group(globex, "Floor", "*1"));

        assertThat(groups.list(Optional.of(acme))).extracting(PagingGroup::name).containsExactly("Office", "Warehouse");
        assertThat(groups.list(Optional.empty())).extracting(PagingGroup::name)
                .containsExactlyInAnyOrder("Warehouse", "Office", "Floor");
    }

    private PagingGroup group(TenantId tenant, String name, String code) {
        return new PagingGroup(UUID.randomUUID(), tenant, name, null, code, List.of(), T0, T0);
    }

    private List<Extension> withExtensions(TenantId tenant, String... numbers) {
        List<Extension> created = Arrays.stream(numbers).map(n -> extension(tenant, n)).toList();
        created.forEach(extensions::insert);
        return created;
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }
}
