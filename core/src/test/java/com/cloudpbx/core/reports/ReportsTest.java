package com.cloudpbx.core.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.reports.port.CallReports;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.FieldIssue;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static final TenantId ACME = TenantId.of(UUID.randomUUID());

    /** 2026-03-10T23:30Z: already the 11th in Paris, still the 10th in New York. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T23:30:00Z"));
    private final List<Instant[]> windows = new ArrayList<>();
    private final List<ZoneId> zones = new ArrayList<>();
    private Map<LocalDate, DirectionTotals> stored = Map.of();

    private final CallReports port = new CallReports() {
        @Override
        public long countExtensions(TenantId tenant) {
            return 3;
        }

        @Override
        public long countDids(TenantId tenant) {
            return 2;
        }

        @Override
        public long countCalls(TenantId tenant, Instant from, Instant to) {
            windows.add(new Instant[] {from, to});
            return windows.size();
        }

        @Override
        public Map<LocalDate, DirectionTotals> callsByDay(TenantId tenant, Instant from, Instant to, ZoneId zone) {
            windows.add(new Instant[] {from, to});
            zones.add(zone);
            return stored;
        }

        @Override
        public List<ExtensionCalls> topExtensions(TenantId tenant, Instant from, Instant to, int limit) {
            windows.add(new Instant[] {from, to});
            return List.of(new ExtensionCalls("1001", limit, 0));
        }
    };
    private final Reports reports = new Reports(port, clock);

    @Test
    void everyDayOfTheWindowIsPresentOldestFirstWithZerosWhereThereWereNoCalls() {
        var busy = new DirectionTotals(3, 1, 1, 1, 90);
        stored = Map.of(LocalDate.parse("2026-03-08"), busy);

        var days = reports.callsByDay(admin(), "3", null);

        assertThat(days).containsExactly(Map.entry(LocalDate.parse("2026-03-08"), busy),
                Map.entry(LocalDate.parse("2026-03-09"), DirectionTotals.NONE),
                Map.entry(LocalDate.parse("2026-03-10"), DirectionTotals.NONE));
    }

    @Test
    void theWindowRunsFromTheFirstDaysUtcMidnightToTheEndOfToday() {
        reports.callsByDay(admin(), "7", null);

        assertThat(windows.get(0)).containsExactly(Instant.parse("2026-03-04T00:00:00Z"),
                Instant.parse("2026-03-11T00:00:00Z"));
    }

    @Test
    void withoutDaysTheWindowIsSevenDays() {
        assertThat(reports.callsByDay(admin(), null, null)).hasSize(7);
    }

    @Test
    void aTimezoneMakesTheDaysThoseOfItsCalendar() {
        var days = reports.callsByDay(admin(), "2", "Europe/Paris");

        assertThat(days.keySet()).containsExactly(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-11"));
        assertThat(windows.get(0)).containsExactly(Instant.parse("2026-03-09T23:00:00Z"),
                Instant.parse("2026-03-11T23:00:00Z"));
        assertThat(zones).containsExactly(ZoneId.of("Europe/Paris"));
    }

    @Test
    void aDaylightSavingChangeInTheWindowKeepsCalendarDays() {
        clock.set(Instant.parse("2026-03-09T12:00:00Z"));

        reports.callsByDay(admin(), "2", "America/New_York");

        // 2026-03-08 in New York is 23 hours long: EST at its start, EDT at the end.
        assertThat(windows.get(0)).containsExactly(Instant.parse("2026-03-08T05:00:00Z"),
                Instant.parse("2026-03-10T04:00:00Z"));
    }

    @Test
    void theDashboardCountsTodayAndThisMonthInTheZone() {
        var dashboard = reports.dashboard(admin(), "America/New_York");

        assertThat(dashboard.extensions()).isEqualTo(3);
        assertThat(dashboard.dids()).isEqualTo(2);
        assertThat(windows.get(0)).containsExactly(Instant.parse("2026-03-10T04:00:00Z"),
                Instant.parse("2026-03-11T04:00:00Z"));
        assertThat(windows.get(1)).containsExactly(Instant.parse("2026-03-01T05:00:00Z"),
                Instant.parse("2026-03-11T04:00:00Z"));
    }

    @Test
    void topExtensionsPassesTheLimitAndDefaultsItToTen() {
        assertThat(reports.topExtensions(admin(), null, null, null).get(0).totalCalls()).isEqualTo(10);
        assertThat(reports.topExtensions(admin(), "1", "100", null).get(0).totalCalls()).isEqualTo(100);
        assertThat(windows.get(1)).containsExactly(Instant.parse("2026-03-10T00:00:00Z"),
                Instant.parse("2026-03-11T00:00:00Z"));
    }

    @Test
    void daysOutsideOneTo366AreRefusedNamingTheField() {
        for (String days : List.of("0", "367", "-1", "abc", "1.5", "")) {
            assertThatThrownBy(() -> reports.callsByDay(admin(), days, null))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details())
                            .extracting(FieldIssue::field).containsExactly("days"));
        }
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        assertThat(reports.callsByDay(admin(), "366", null)).hasSize(366);
        assertThat(reports.callsByDay(admin(), "1", null)).hasSize(1);
    }

    @Test
    void aLimitOutsideOneTo100IsRefusedNamingTheField() {
        for (String limit : List.of("0", "101", "ten")) {
            assertThatThrownBy(() -> reports.topExtensions(admin(), null, limit, null))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details())
                            .extracting(FieldIssue::field).containsExactly("limit"));
        }
    }

    @Test
    void anUnknownOrOffsetTimezoneIsRefusedNamingTheField() {
        for (String zone : List.of("Mars/Olympus", "+02:00", "", "europe/paris")) {
            assertThatThrownBy(() -> reports.dashboard(admin(), zone))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details())
                            .extracting(FieldIssue::field).containsExactly("timezone"));
        }
    }

    @Test
    void aSuperadminMustNameTheTenant() {
        Actor superadmin = Actor.resolve(new Principal(UUID.randomUUID(), PrincipalKind.SUPERADMIN, Role.SUPERADMIN,
                null, null, Set.of()), Optional.empty(), "127.0.0.1");

        assertThatThrownBy(() -> reports.dashboard(superadmin, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("TENANT_REQUIRED"));
    }

    @Test
    void anExtensionUserMayNotReadReports() {
        Actor user = Actor.resolve(new Principal(UUID.randomUUID(), PrincipalKind.EXTENSION, Role.USER, ACME,
                UUID.randomUUID(), Set.of()), Optional.empty(), "127.0.0.1");

        assertThatThrownBy(() -> reports.dashboard(user, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("FORBIDDEN"));
        assertThat(windows).isEmpty();
    }

    private static Actor admin() {
        return Actor.resolve(new Principal(UUID.randomUUID(), PrincipalKind.API_KEY, Role.ADMIN, ACME, null,
                Set.of()), Optional.empty(), "127.0.0.1");
    }
}
