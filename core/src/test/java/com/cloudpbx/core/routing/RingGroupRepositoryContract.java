package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.RingGroup.Member;
import com.cloudpbx.core.routing.RingGroup.RingStrategy;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RingGroupRepository} does; each adapter's test extends this. */
public abstract class RingGroupRepositoryContract {

    private RingGroupRepository groups;
    private TenantRepository tenants;
    private ExtensionRepository extensions;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract RingGroupRepository newRepository();

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
        RingGroup group = new RingGroup(UUID.randomUUID(), acme, "Sales", RingStrategy.SEQUENTIAL, 20,
                new RouteTarget(RouteAction.VOICEMAIL, "1001"),
                List.of(new Member("1003", 1, 0), new Member("1001", 2, 5), new Member("1002", 2, 10)),
                T0, T0.plus(1, ChronoUnit.MINUTES));

        groups.insert(group);

        assertThat(groups.findById(acme, group.id())).contains(group);
    }

    @Test
    void aGroupWithoutMembersOrTargetComesBackSo() {
        TenantId acme = newTenant("Acme");
        RingGroup group = group(acme, "Empty");

        groups.insert(group);

        assertThat(groups.findById(acme, group.id())).contains(group);
    }

    @Test
    void anotherTenantsGroupIsNotFound() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        RingGroup group = group(acme, "Sales");
        groups.insert(group);

        assertThat(groups.findById(globex, group.id())).isEmpty();
        assertThat(groups.lockInScope(Optional.of(globex), group.id())).isEmpty();
        assertThat(groups.findByIdInAnyTenant(group.id())).contains(group);
        assertThat(groups.lockInScope(Optional.empty(), group.id())).contains(group);
    }

    @Test
    void aNameTakenInTheTenantIsADuplicateButAnotherTenantMayUseIt() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        groups.insert(group(acme, "Sales"));

        assertThatThrownBy(() -> groups.insert(group(acme, "Sales")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
        groups.insert(group(globex, "Sales"));
        assertThat(groups.findByName(globex, "Sales")).isPresent();
    }

    @Test
    void anUpdateReplacesTheFieldsAndTheWholeMemberList() {
        TenantId acme = newTenant("Acme");
        withExtensions(acme, "1001", "1002");
        RingGroup group = new RingGroup(UUID.randomUUID(), acme, "Sales", RingStrategy.SIMULTANEOUS, 30,
                RouteTarget.hangup(), List.of(new Member("1001", 1, 0)), T0, T0);
        groups.insert(group);
        RingGroup changed = new RingGroup(group.id(), acme, "Support", RingStrategy.RANDOM, 15,
                new RouteTarget(RouteAction.EXTERNAL, "+15551234567"), List.of(new Member("1002", 3, 7)), T0,
                T0.plus(1, ChronoUnit.HOURS));

        assertThat(groups.update(changed)).isTrue();

        assertThat(groups.findById(acme, group.id())).contains(changed);
    }

    @Test
    void updatingAGroupThatIsGoneChangesNothing() {
        TenantId acme = newTenant("Acme");

        assertThat(groups.update(group(acme, "Ghost"))).isFalse();
        assertThat(groups.list(Optional.of(acme))).isEmpty();
    }

    @Test
    void deletingAnExtensionDropsItsMemberships() {
        TenantId acme = newTenant("Acme");
        List<Extension> members = withExtensions(acme, "1001", "1002");
        RingGroup group = new RingGroup(UUID.randomUUID(), acme, "Sales", RingStrategy.SIMULTANEOUS, 30,
                RouteTarget.hangup(), List.of(new Member("1001", 1, 0), new Member("1002", 1, 0)), T0, T0);
        groups.insert(group);

        extensions.delete(acme, members.get(0).id());

        assertThat(groups.findById(acme, group.id()).orElseThrow().members())
                .containsExactly(new Member("1002", 1, 0));
    }

    @Test
    void deleteWithinTheTenantOnly() {
        TenantId acme = newTenant("Acme");
        RingGroup group = group(acme, "Sales");
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
        groups.insert(group(acme, "Support"));
        groups.insert(group(acme, "Billing"));
        groups.insert(group(globex, "Sales"));

        assertThat(groups.list(Optional.of(acme))).extracting(RingGroup::name).containsExactly("Billing", "Support");
        assertThat(groups.list(Optional.empty())).extracting(RingGroup::name)
                .containsExactlyInAnyOrder("Billing", "Support", "Sales");
    }

    @Test
    void pointingAtNamesTheGroupsWhoseNoAnswerRouteSendsCallsThere() {
        TenantId acme = newTenant("Acme");
        RingGroup target = group(acme, "Overflow");
        groups.insert(target);
        RingGroup sales = new RingGroup(UUID.randomUUID(), acme, "Sales", RingStrategy.SIMULTANEOUS, 30,
                RouteTarget.resource(RouteAction.RING_GROUP, target.id()), List.of(), T0, T0);
        groups.insert(sales);

        assertThat(groups.pointingAt(acme, RouteAction.RING_GROUP, target.id().toString()))
                .containsExactly(new Referrer("ring group", sales.id(), "Sales", "no-answer target"));
        assertThat(groups.pointingAt(newTenant("Globex"), RouteAction.RING_GROUP, target.id().toString())).isEmpty();
        assertThat(groups.pointingAt(acme, RouteAction.IVR, target.id().toString())).isEmpty();
    }

    private RingGroup group(TenantId tenant, String name) {
        return new RingGroup(UUID.randomUUID(), tenant, name, RingStrategy.SIMULTANEOUS, 30, RouteTarget.hangup(),
                List.of(), T0, T0);
    }

    private List<Extension> withExtensions(TenantId tenant, String... numbers) {
        List<Extension> created = java.util.Arrays.stream(numbers).map(n -> extension(tenant, n)).toList();
        created.forEach(extensions::insert);
        return created;
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }
}
