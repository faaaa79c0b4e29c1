package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.routing.port.DidRepository;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DidRepository} does; each adapter's test extends this. */
public abstract class DidRepositoryContract {

    private DidRepository dids;
    private ScheduleRepository schedules;
    private TenantRepository tenants;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract DidRepository newRepository();

    /** Schedules of the same store, which DIDs may follow. */
    protected abstract ScheduleRepository schedules();

    /** Tenants of the same store: every DID belongs to one. */
    protected abstract TenantRepository tenants();

    @BeforeEach
    void startEmpty() {
        dids = newRepository();
        schedules = schedules();
        tenants = tenants();
    }

    @Test
    void anInsertedDidIsFoundByIdWithEveryField() {
        TenantId acme = newTenant("Acme");
        UUID schedule = newSchedule(acme);
        var full = new Did(UUID.randomUUID(), acme, new PhoneNumber("+15550102000"),
                new RouteTarget(RouteAction.EXTERNAL, "+442071234567"), schedule, true, false, T0,
                T0.plus(5, ChronoUnit.MINUTES));

        dids.insert(full);

        assertThat(dids.findById(acme, full.id())).contains(full);
    }

    @Test
    void anotherTenantsDidIsNotFoundById() {
        TenantId acme = newTenant("Acme");
        Did acmes = did(acme, "+15550102001");
        dids.insert(acmes);

        assertThat(dids.findById(newTenant("Globex"), acmes.id())).isEmpty();
        assertThat(dids.findInScope(Optional.empty(), acmes.id())).contains(acmes);
        assertThat(dids.lockInScope(Optional.of(acme), acmes.id())).contains(acmes);
        assertThat(dids.lockInScope(Optional.of(newTenant("Initech")), acmes.id())).isEmpty();
    }

    @Test
    void aNumberIsFoundWhicheverTenantHoldsIt() {
        Did globexs = did(newTenant("Globex"), "+15550102002");
        dids.insert(globexs);

        assertThat(dids.findByNumber(new PhoneNumber("+15550102002"))).contains(globexs);
        assertThat(dids.findByNumber(new PhoneNumber("+15550102003"))).isEmpty();
    }

    @Test
    void aNumberTakenByAnyTenantIsRefusedAsDuplicate() {
        dids.insert(did(newTenant("Acme"), "+15550102004"));

        assertThatThrownBy(() -> dids.insert(did(newTenant("Globex"), "+15550102004")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
    }

    @Test
    void anUpdateOverwritesTheRowWithinItsTenant() {
        TenantId acme = newTenant("Acme");
        Did original = did(acme, "+15550102005");
        dids.insert(original);
        var changed = new Did(original.id(), acme, new PhoneNumber("+15550102006"),
                new RouteTarget(RouteAction.CONFERENCE, "board"), newSchedule(acme), true, false, T0,
                T0.plusSeconds(60));

        assertThat(dids.update(changed)).isTrue();

        assertThat(dids.findById(acme, original.id())).contains(changed);
        assertThat(dids.findByNumber(new PhoneNumber("+15550102005"))).isEmpty();
    }

    @Test
    void updatingAMissingDidReportsFalse() {
        assertThat(dids.update(did(newTenant("Acme"), "+15550102007"))).isFalse();
    }

    @Test
    void deletingWithAnotherTenantLeavesTheDid() {
        TenantId acme = newTenant("Acme");
        Did acmes = did(acme, "+15550102008");
        dids.insert(acmes);

        dids.delete(newTenant("Globex"), acmes.id());
        assertThat(dids.findById(acme, acmes.id())).contains(acmes);

        dids.delete(acme, acmes.id());
        assertThat(dids.findById(acme, acmes.id())).isEmpty();
    }

    @Test
    void aTenantsListHoldsOnlyItsDidsByNumber() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        Did second = did(acme, "+15550102020");
        Did first = did(acme, "+15550102010");
        Did other = did(globex, "+15550102015");
        dids.insert(second);
        dids.insert(first);
        dids.insert(other);

        assertThat(dids.list(acme)).containsExactly(first, second);
        assertThat(dids.listInAnyTenant()).containsExactly(first, other, second);
    }

    @Test
    void pointingAtNamesTheTenantsDidsRoutedToTheTarget() {
        TenantId acme = newTenant("Acme");
        Did toDesk = new Did(UUID.randomUUID(), acme, new PhoneNumber("+15550102030"),
                new RouteTarget(RouteAction.EXTENSION, "1001"), null, false, true, T0, T0);
        dids.insert(toDesk);
        dids.insert(did(acme, "+15550102031"));
        dids.insert(new Did(UUID.randomUUID(), newTenant("Globex"), new PhoneNumber("+15550102032"),
                new RouteTarget(RouteAction.EXTENSION, "1001"), null, false, true, T0, T0));

        assertThat(dids.pointingAt(acme, RouteAction.EXTENSION, "1001"))
                .containsExactly(new Referrer("DID", toDesk.id(), "+15550102030", "inbound route"));
        assertThat(dids.pointingAt(acme, RouteAction.VOICEMAIL, "1001")).isEmpty();
    }

    @Test
    void followingScheduleNamesTheDidsThatUseIt() {
        TenantId acme = newTenant("Acme");
        UUID schedule = newSchedule(acme);
        Did following = new Did(UUID.randomUUID(), acme, new PhoneNumber("+15550102040"),
                new RouteTarget(RouteAction.EXTENSION, "1001"), schedule, false, true, T0, T0);
        dids.insert(following);
        dids.insert(did(acme, "+15550102041"));

        assertThat(dids.followingSchedule(acme, schedule))
                .containsExactly(new Referrer("DID", following.id(), "+15550102040", "schedule"));
        assertThat(dids.followingSchedule(newTenant("Globex"), schedule)).isEmpty();
    }

    private static Did did(TenantId tenant, String number) {
        return new Did(UUID.randomUUID(), tenant, new PhoneNumber(number),
                new RouteTarget(RouteAction.AI_AGENT, "agent-7"), null, false, true, T0, T0);
    }

    private UUID newSchedule(TenantId tenant) {
        var schedule = new BusinessSchedule(UUID.randomUUID(), tenant, "Hours " + UUID.randomUUID(),
                ZoneId.of("America/New_York"), List.of(), List.of(), RouteTarget.hangup(), T0, T0);
        schedules.insert(schedule);
        return schedule.id();
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }
}
