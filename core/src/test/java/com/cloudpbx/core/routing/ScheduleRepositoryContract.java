package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.routing.BusinessSchedule.Holiday;
import com.cloudpbx.core.routing.BusinessSchedule.OpeningHours;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ScheduleRepository} does; each adapter's test extends this. */
public abstract class ScheduleRepositoryContract {

    private ScheduleRepository schedules;
    private TenantRepository tenants;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract ScheduleRepository newRepository();

    /** Tenants of the same store: every schedule belongs to one. */
    protected abstract TenantRepository tenants();

    @BeforeEach
    void startEmpty() {
        schedules = newRepository();
        tenants = tenants();
    }

    @Test
    void anInsertedScheduleKeepsItsHoursInOrderAndItsHolidays() {
        TenantId acme = newTenant("Acme");
        var full = new BusinessSchedule(UUID.randomUUID(), acme, "Support", ZoneId.of("Australia/Sydney"),
                List.of(hours(DayOfWeek.FRIDAY, "22:00", "06:00"), hours(DayOfWeek.MONDAY, "09:00", "12:00"),
                        new OpeningHours(DayOfWeek.MONDAY, false, LocalTime.of(13, 0), LocalTime.of(17, 30))),
                List.of(new Holiday(LocalDate.of(2026, 12, 25), "Christmas"), new Holiday(LocalDate.of(2026, 12, 26), null)),
                new RouteTarget(RouteAction.VOICEMAIL, "1001"), T0, T0.plusSeconds(5));

        schedules.insert(full);

        assertThat(schedules.findById(acme, full.id())).contains(full);
    }

    @Test
    void anotherTenantsScheduleIsNotFound() {
        TenantId acme = newTenant("Acme");
        BusinessSchedule acmes = schedule(acme, "Front");
        schedules.insert(acmes);

        TenantId globex = newTenant("Globex");
        assertThat(schedules.findById(globex, acmes.id())).isEmpty();
        assertThat(schedules.findByName(globex, "Front")).isEmpty();
        assertThat(schedules.lockInScope(Optional.of(globex), acmes.id())).isEmpty();
        assertThat(schedules.lockInScope(Optional.of(acme), acmes.id())).contains(acmes);
        assertThat(schedules.findInScope(Optional.empty(), acmes.id())).contains(acmes);
    }

    @Test
    void aNameIsUniqueWithinOneTenantOnly() {
        TenantId acme = newTenant("Acme");
        schedules.insert(schedule(acme, "Front"));
        schedules.insert(schedule(newTenant("Globex"), "Front"));

        assertThatThrownBy(() -> schedules.insert(schedule(acme, "Front")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
        assertThat(schedules.findByName(acme, "Front")).isPresent();
    }

    @Test
    void anUpdateReplacesHoursAndHolidays() {
        TenantId acme = newTenant("Acme");
        var original = new BusinessSchedule(UUID.randomUUID(), acme, "Front", ZoneId.of("Europe/London"),
                List.of(hours(DayOfWeek.MONDAY, "09:00", "17:00")),
                List.of(new Holiday(LocalDate.of(2026, 1, 1), "New year")), RouteTarget.hangup(), T0, T0);
        schedules.insert(original);
        var changed = new BusinessSchedule(original.id(), acme, "Back", ZoneId.of("America/Chicago"),
                List.of(hours(DayOfWeek.SUNDAY, "10:00", "10:00")), List.of(),
                new RouteTarget(RouteAction.EXTERNAL, "+15550102000"), T0, T0.plusSeconds(60));

        assertThat(schedules.update(changed)).isTrue();

        assertThat(schedules.findById(acme, original.id())).contains(changed);
    }

    @Test
    void updatingAMissingScheduleReportsFalse() {
        assertThat(schedules.update(schedule(newTenant("Acme"), "Ghost"))).isFalse();
    }

    @Test
    void deletingWithAnotherTenantLeavesTheSchedule() {
        TenantId acme = newTenant("Acme");
        BusinessSchedule acmes = schedule(acme, "Front");
        schedules.insert(acmes);

        schedules.delete(newTenant("Globex"), acmes.id());
        assertThat(schedules.findById(acme, acmes.id())).contains(acmes);

        schedules.delete(acme, acmes.id());
        assertThat(schedules.findById(acme, acmes.id())).isEmpty();
    }

    @Test
    void listsAreOrderedByNameWithinATenant() {
        TenantId acme = newTenant("Acme");
        BusinessSchedule zulu = schedule(acme, "Zulu");
        BusinessSchedule alpha = schedule(acme, "Alpha");
        BusinessSchedule globexs = schedule(newTenant("Globex"), "Mike");
        schedules.insert(zulu);
        schedules.insert(alpha);
        schedules.insert(globexs);

        assertThat(schedules.list(acme)).containsExactly(alpha, zulu);
        assertThat(schedules.listInAnyTenant()).containsExactlyInAnyOrder(alpha, zulu, globexs);
    }

    @Test
    void pointingAtNamesSchedulesWhoseAfterHoursRouteIsTheTarget() {
        TenantId acme = newTenant("Acme");
        var toVoicemail = new BusinessSchedule(UUID.randomUUID(), acme, "Nights", ZoneId.of("UTC"), List.of(),
                List.of(), new RouteTarget(RouteAction.VOICEMAIL, "1001"), T0, T0);
        schedules.insert(toVoicemail);
        schedules.insert(schedule(acme, "Days"));

        assertThat(schedules.pointingAt(acme, RouteAction.VOICEMAIL, "1001"))
                .containsExactly(new Referrer("schedule", toVoicemail.id(), "Nights", "after-hours target"));
        assertThat(schedules.pointingAt(newTenant("Globex"), RouteAction.VOICEMAIL, "1001")).isEmpty();
    }

    private static OpeningHours hours(DayOfWeek day, String start, String end) {
        return new OpeningHours(day, true, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static BusinessSchedule schedule(TenantId tenant, String name) {
        return new BusinessSchedule(UUID.randomUUID(), tenant, name, ZoneId.of("America/New_York"),
                List.of(hours(DayOfWeek.TUESDAY, "08:00", "18:00")), List.of(), RouteTarget.hangup(), T0, T0);
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }
}
