package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.routing.IvrMenu.IvrOption;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
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

/** What every {@link IvrMenuRepository} does; each adapter's test extends this. */
public abstract class IvrMenuRepositoryContract {

    private IvrMenuRepository menus;
    private TenantRepository tenants;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract IvrMenuRepository newRepository();

    /** Tenants of the same store: every menu belongs to one. */
    protected abstract TenantRepository tenants();

    @BeforeEach
    void startEmpty() {
        menus = newRepository();
        tenants = tenants();
    }

    @Test
    void anInsertedMenuIsFoundByIdWithItsOptionsInOrder() {
        UUID sales = UUID.randomUUID();
        IvrMenu menu = menu(newTenant("Acme"), "Main", List.of(
                new IvrOption("2", new RouteTarget(RouteAction.EXTENSION, "1001")),
                new IvrOption("1", RouteTarget.resource(RouteAction.QUEUE, sales)),
                new IvrOption("#", RouteTarget.hangup())),
                new RouteTarget(RouteAction.EXTERNAL, "+15551234567"));

        menus.insert(menu);

        assertThat(menus.findById(menu.tenant(), menu.id())).contains(menu);
        assertThat(menus.findByIdInAnyTenant(menu.id())).contains(menu);
    }

    @Test
    void anotherTenantsMenuIsNotFound() {
        IvrMenu acmes = menu(newTenant("Acme"), "Main", List.of(), RouteTarget.hangup());
        menus.insert(acmes);
        TenantId globex = newTenant("Globex");

        assertThat(menus.findById(globex, acmes.id())).isEmpty();
        assertThat(menus.lockInScope(Optional.of(globex), acmes.id())).isEmpty();
        assertThat(menus.findByName(globex, "Main")).isEmpty();
    }

    @Test
    void aNameIsUniqueWithinATenantOnly() {
        TenantId acme = newTenant("Acme");
        menus.insert(menu(acme, "Main", List.of(), RouteTarget.hangup()));
        menus.insert(menu(newTenant("Globex"), "Main", List.of(), RouteTarget.hangup()));

        assertThatThrownBy(() -> menus.insert(menu(acme, "Main", List.of(), RouteTarget.hangup())))
                .isInstanceOf(DomainException.class).hasMessageContaining("Main");
    }

    @Test
    void anUpdateReplacesTheFieldsAndTheOptions() {
        IvrMenu menu = menu(newTenant("Acme"), "Main",
                List.of(new IvrOption("1", new RouteTarget(RouteAction.EXTENSION, "1001"))), RouteTarget.hangup());
        menus.insert(menu);
        var changed = new IvrMenu(menu.id(), menu.tenant(), "Renamed", "recording:" + UUID.randomUUID(), 9, 0,
                List.of(new IvrOption("0", new RouteTarget(RouteAction.CONFERENCE, "room-1"))),
                new RouteTarget(RouteAction.VOICEMAIL, "1001"), menu.createdAt(), T0.plus(1, ChronoUnit.HOURS));

        assertThat(menus.update(changed)).isTrue();

        assertThat(menus.findById(menu.tenant(), menu.id())).contains(changed);
        assertThat(menus.findByName(menu.tenant(), "Renamed")).contains(changed);
    }

    @Test
    void updatingAMissingMenuReportsIt() {
        IvrMenu never = menu(newTenant("Acme"), "Ghost", List.of(), RouteTarget.hangup());

        assertThat(menus.update(never)).isFalse();
    }

    @Test
    void aDeletedMenuIsGoneButOnlyForItsTenant() {
        TenantId acme = newTenant("Acme");
        IvrMenu menu = menu(acme, "Main", List.of(new IvrOption("1", RouteTarget.hangup())), RouteTarget.hangup());
        menus.insert(menu);

        menus.delete(newTenant("Globex"), menu.id());
        assertThat(menus.findById(acme, menu.id())).isPresent();

        menus.delete(acme, menu.id());
        assertThat(menus.findById(acme, menu.id())).isEmpty();
    }

    @Test
    void aListingIsOrderedByTenantThenNameAndConfinedToTheTenant() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        IvrMenu b = menu(acme, "B", List.of(), RouteTarget.hangup());
        IvrMenu a = menu(acme, "A", List.of(new IvrOption("5", RouteTarget.hangup())), RouteTarget.hangup());
        IvrMenu other = menu(globex, "C", List.of(), RouteTarget.hangup());
        List.of(b, a, other).forEach(menus::insert);

        assertThat(menus.list(Optional.of(acme))).containsExactly(a, b);
        assertThat(menus.list(Optional.empty())).containsAll(List.of(a, b, other)).hasSize(3);
    }

    @Test
    void pointingAtNamesTheOptionsAndTimeoutsThatSendCallsToATarget() {
        TenantId acme = newTenant("Acme");
        UUID queue = UUID.randomUUID();
        IvrMenu byOption = menu(acme, "Main",
                List.of(new IvrOption("3", RouteTarget.resource(RouteAction.QUEUE, queue))), RouteTarget.hangup());
        IvrMenu byTimeout = menu(acme, "Night", List.of(), RouteTarget.resource(RouteAction.QUEUE, queue));
        IvrMenu elsewhere = menu(newTenant("Globex"), "Main",
                List.of(new IvrOption("3", RouteTarget.resource(RouteAction.QUEUE, queue))), RouteTarget.hangup());
        List.of(byOption, byTimeout, elsewhere).forEach(menus::insert);

        assertThat(menus.pointingAt(acme, RouteAction.QUEUE, queue.toString())).containsExactlyInAnyOrder(
                new Referrer("IVR menu", byOption.id(), "Main", "option 3"),
                new Referrer("IVR menu", byTimeout.id(), "Night", "timeout target"));
        assertThat(menus.pointingAt(acme, RouteAction.IVR, queue.toString())).isEmpty();
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }

    private static IvrMenu menu(TenantId tenant, String name, List<IvrOption> options, RouteTarget timeout) {
        return new IvrMenu(UUID.randomUUID(), tenant, name, "Welcome to " + name, 5, 3, options, timeout, T0, T0);
    }
}
