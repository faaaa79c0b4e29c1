package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reports over a tenant's calls, inserted straight into its history as the call tracker would
 * record them. Expected days are computed here from the same instants, in UTC or the zone asked.
 */
@ExtendWith(SharedApiServer.class)
class ReportsEndpointsTest {

    private static final Map<String, Object> NO_CALLS = Map.of("total", 0, "inbound", 0, "outbound", 0,
            "internal", 0, "totalDuration", 0);

    private static ApiServer api;
    private static Platform platform;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
    }

    @Test
    void theDashboardCountsTheTenantsExtensionsDidsAndCallsOfTodayAndThisMonth() throws SQLException {
        TenantFixture acme = platform.tenant();
        platform.extension(acme, "1001", "reports-pass-1001");
        platform.extension(acme, "1002", "reports-pass-1002");
        did(acme);
        Instant now = Instant.now();
        List<Instant> calls = List.of(now, now.minus(2, ChronoUnit.DAYS), now.minus(40, ChronoUnit.DAYS));
        for (Instant at : calls) {
            call(acme, "inbound", "1001", 60, at);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Response dashboard = api.get("/api/reports/dashboard", acme.admin());

        assertThat(dashboard.status()).as(dashboard.text()).isEqualTo(200);
        assertThat(dashboard.object("dashboard")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "extensions", 2, "dids", 1,
                "callsToday", (int) calls.stream().filter(at -> dayOf(at, ZoneOffset.UTC).equals(today)).count(),
                "callsThisMonth", (int) calls.stream()
                        .filter(at -> !dayOf(at, ZoneOffset.UTC).isBefore(today.withDayOfMonth(1))).count()));
    }

    @Test
    void callsByDayHasEveryDayOfTheWindowOldestFirstWithZerosWhereThereWereNone() throws SQLException {
        TenantFixture acme = platform.tenant();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant noonToday = today.atTime(12, 0).toInstant(ZoneOffset.UTC).isAfter(Instant.now())
                ? today.atStartOfDay(ZoneOffset.UTC).toInstant() : today.atTime(12, 0).toInstant(ZoneOffset.UTC);
        call(acme, "inbound", "1001", 30, noonToday);
        call(acme, "outbound", "1002", 20, noonToday);
        call(acme, "internal", null, 10, today.minusDays(2).atTime(23, 59).toInstant(ZoneOffset.UTC));
        call(acme, "inbound", "1001", 99, today.minusDays(5).atTime(12, 0).toInstant(ZoneOffset.UTC));

        Response report = api.get("/api/reports/calls-by-day?days=5", acme.admin());

        assertThat(report.status()).as(report.text()).isEqualTo(200);
        Map<String, Object> days = report.object("callsByDay");
        assertThat(days.keySet()).containsExactly(days(today, 5).toArray(String[]::new));
        assertThat(days.get(today.toString())).isEqualTo(Map.of("total", 2, "inbound", 1, "outbound", 1,
                "internal", 0, "totalDuration", 50));
        assertThat(days.get(today.minusDays(2).toString())).isEqualTo(Map.of("total", 1, "inbound", 0,
                "outbound", 0, "internal", 1, "totalDuration", 10));
        for (LocalDate empty : List.of(today.minusDays(1), today.minusDays(3), today.minusDays(4))) {
            assertThat(days.get(empty.toString())).as(empty.toString()).isEqualTo(NO_CALLS);
        }
    }

    @Test
    void withoutDaysTheLastSevenDaysAreReported() {
        TenantFixture acme = platform.tenant();

        Response report = api.get("/api/reports/calls-by-day", acme.admin());

        assertThat(report.object("callsByDay").keySet())
                .containsExactly(days(LocalDate.now(ZoneOffset.UTC), 7).toArray(String[]::new));
        assertThat(report.object("callsByDay").values()).containsOnly(NO_CALLS);
    }

    @Test
    void aTimezoneCountsTheCalendarDaysOfThatZone() throws SQLException {
        TenantFixture acme = platform.tenant();
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        // 23:00 UTC yesterday: already 13:00 today in Kiritimati (UTC+14).
        Instant lateYesterday = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant()
                .minus(1, ChronoUnit.HOURS);
        call(acme, "inbound", "1001", 30, lateYesterday);

        Response zoned = api.get("/api/reports/calls-by-day?days=3&timezone=Pacific/Kiritimati", acme.admin());
        Response utc = api.get("/api/reports/calls-by-day?days=3", acme.admin());

        assertThat(zoned.status()).as(zoned.text()).isEqualTo(200);
        assertThat(zoned.object("callsByDay").keySet())
                .containsExactly(days(LocalDate.now(kiritimati), 3).toArray(String[]::new));
        assertThat(zoned.string("callsByDay." + dayOf(lateYesterday, kiritimati) + ".total")).isEqualTo("1");
        assertThat(utc.string("callsByDay." + dayOf(lateYesterday, ZoneOffset.UTC) + ".total")).isEqualTo("1");
        assertThat(dayOf(lateYesterday, kiritimati)).isNotEqualTo(dayOf(lateYesterday, ZoneOffset.UTC));
    }

    @Test
    void topExtensionsRankByCallsWithTheirDurationUpToTheLimit() throws SQLException {
        TenantFixture acme = platform.tenant();
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            call(acme, "inbound", "1001", 10, now);
        }
        call(acme, "outbound", "1002", 500, now);
        call(acme, "internal", "1003", 40, now);
        call(acme, "internal", "1003", 40, now);
        call(acme, "inbound", "1004", 10, now.minus(9, ChronoUnit.DAYS));

        Response top = api.get("/api/reports/top-extensions?limit=2", acme.admin());
        Response all = api.get("/api/reports/top-extensions?days=30", acme.admin());

        assertThat(top.status()).as(top.text()).isEqualTo(200);
        assertThat(top.list("topExtensions")).containsExactly(
                Map.of("extension", "1001", "totalCalls", 3, "totalDuration", 30),
                Map.of("extension", "1003", "totalCalls", 2, "totalDuration", 80));
        assertThat(all.list("topExtensions")).extracting(row -> row.get("extension"))
                .containsExactly("1001", "1003", "1002", "1004");
    }

    @Test
    void outOfBoundsOrMalformedParametersAre400NamingTheField() {
        TenantFixture acme = platform.tenant();
        Map<String, String> refused = Map.of(
                "/api/reports/calls-by-day?days=0", "days",
                "/api/reports/calls-by-day?days=367", "days",
                "/api/reports/calls-by-day?days=seven", "days",
                "/api/reports/top-extensions?days=400", "days",
                "/api/reports/top-extensions?limit=0", "limit",
                "/api/reports/top-extensions?limit=101", "limit",
                "/api/reports/top-extensions?limit=x", "limit",
                "/api/reports/dashboard?timezone=Mars/Olympus", "timezone",
                "/api/reports/calls-by-day?timezone=%2B02:00", "timezone");

        refused.forEach((path, field) -> {
            Response response = api.get(path, acme.admin());
            assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(400);
            assertThat(response.string("code")).as(path).isEqualTo("VALIDATION_FAILED");
            assertThat(response.string("details.0.field")).as(path).isEqualTo(field);
        });
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        TenantFixture acme = platform.tenant();

        assertThat(api.get("/api/reports/calls-by-day?days=366", acme.admin()).object("callsByDay")).hasSize(366);
        assertThat(api.get("/api/reports/top-extensions?days=1&limit=100", acme.admin()).status()).isEqualTo(200);
    }

    @Test
    void aTenantSeesOnlyItsOwnCalls() throws SQLException {
        TenantFixture acme = platform.tenant();
        TenantFixture globex = platform.tenant();
        call(globex, "inbound", "1001", 60, Instant.now());
        platform.extension(globex, "1001", "reports-pass-1001");

        assertThat(api.get("/api/reports/top-extensions", acme.admin()).list("topExtensions")).isEmpty();
        assertThat(api.get("/api/reports/calls-by-day?days=1", acme.admin()).object("callsByDay").values())
                .containsOnly(NO_CALLS);
        assertThat(api.get("/api/reports/dashboard", acme.admin()).object("dashboard"))
                .containsEntry("extensions", 0).containsEntry("callsThisMonth", 0);
    }

    @Test
    void aSuperadminNamesTheTenantItReportsOn() throws SQLException {
        TenantFixture acme = platform.tenant();
        call(acme, "inbound", "1001", 60, Instant.now());

        Response without = api.get("/api/reports/top-extensions", platform.superadmin());
        Response within = api.get("/api/reports/top-extensions", platform.superadmin().inTenant(acme.id()));

        assertThat(without.status()).as(without.text()).isEqualTo(400);
        assertThat(without.string("code")).isEqualTo("TENANT_REQUIRED");
        assertThat(within.list("topExtensions")).extracting(row -> row.get("extension")).containsExactly("1001");
    }

    @Test
    void anExtensionUserMayNotReadReports() {
        TenantFixture acme = platform.tenant();
        platform.extension(acme, "1001", "reports-pass-1001");
        Credential user = platform.extensionUser(acme, "1001", "reports-pass-1001");

        Response refused = api.get("/api/reports/dashboard", user);

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.string("code")).isEqualTo("FORBIDDEN");
    }

    private static List<String> days(LocalDate today, int count) {
        List<String> days = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            days.add(today.minusDays(back).toString());
        }
        return days;
    }

    private static LocalDate dayOf(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone);
    }

    private static void did(TenantFixture tenant) {
        Response created = api.post("/api/dids", Map.of("number",
                "+1415" + (2_000_000L + ThreadLocalRandom.current().nextLong(7_000_000L)),
                "inboundRoute", "conference", "routeTarget", "lobby"), tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    static void call(TenantFixture tenant, String direction, String extension, long seconds, Instant startedAt)
            throws SQLException {
        try (Connection connection = api.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO call_records (id, tenant_id, call_uuid, direction, extension, status,
                                               duration_seconds, started_at, ended_at)
                     VALUES (?, ?, ?, ?, ?, 'completed', ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString(tenant.id()));
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, direction);
            insert.setString(5, extension);
            insert.setLong(6, seconds);
            insert.setObject(7, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC));
            insert.setObject(8, OffsetDateTime.ofInstant(startedAt.plusSeconds(seconds), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
