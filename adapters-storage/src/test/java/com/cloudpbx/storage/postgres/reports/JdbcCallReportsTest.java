package com.cloudpbx.storage.postgres.reports;

import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.reports.DirectionTotals;
import com.cloudpbx.core.reports.ExtensionCalls;
import com.cloudpbx.core.reports.port.CallReports;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCallReportsTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-08T00:00:00Z");

    private final PostgresStorage storage = PostgresStorage.start();
    private CallReports reports;
    private TenantId acme;
    private TenantId globex;

    @BeforeEach
    void tenants() {
        reports = storage.emptied().bean(CallReports.class);
        acme = newTenant("Acme");
        globex = newTenant("Globex");
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    @Test
    void extensionsAndDidsAreCountedInTheTenantOnly() {
        storage.bean(ExtensionRepository.class).insert(extension(acme, "1001"));
        storage.bean(ExtensionRepository.class).insert(extension(acme, "1002"));
        storage.bean(ExtensionRepository.class).insert(extension(globex, "1001"));
        did(acme, "+15550001");
        did(globex, "+15550002");
        did(globex, "+15550003");

        assertThat(reports.countExtensions(acme)).isEqualTo(2);
        assertThat(reports.countDids(acme)).isEqualTo(1);
    }

    @Test
    void callsAreCountedFromTheStartOfTheWindowUpToItsEndExcluded() {
        call(acme, "inbound", "1001", 10, FROM);
        call(acme, "inbound", "1001", 10, TO.minusNanos(1000));
        call(acme, "inbound", "1001", 10, TO);
        call(acme, "inbound", "1001", 10, FROM.minusNanos(1000));
        call(globex, "inbound", "1001", 10, FROM);

        assertThat(reports.countCalls(acme, FROM, TO)).isEqualTo(2);
    }

    @Test
    void daysAddUpDirectionsAndDurationsAndLeaveOutDaysWithoutCalls() {
        call(acme, "inbound", "1001", 30, Instant.parse("2026-03-02T10:00:00Z"));
        call(acme, "outbound", "1002", 45, Instant.parse("2026-03-02T11:00:00Z"));
        call(acme, "internal", null, 5, Instant.parse("2026-03-02T23:59:59Z"));
        call(acme, "inbound", "1001", 7, Instant.parse("2026-03-05T00:00:00Z"));
        call(globex, "inbound", "1001", 100, Instant.parse("2026-03-02T10:00:00Z"));

        Map<LocalDate, DirectionTotals> days = reports.callsByDay(acme, FROM, TO, ZoneOffset.UTC);

        assertThat(days).containsExactly(
                Map.entry(LocalDate.parse("2026-03-02"), new DirectionTotals(3, 1, 1, 1, 80)),
                Map.entry(LocalDate.parse("2026-03-05"), new DirectionTotals(1, 1, 0, 0, 7)));
    }

    @Test
    void aCallsDayIsTheCalendarDayOfTheZone() {
        // 23:30 UTC on the 2nd is 00:30 on the 3rd in Paris (UTC+1 in March before the change).
        call(acme, "inbound", "1001", 30, Instant.parse("2026-03-02T23:30:00Z"));

        assertThat(reports.callsByDay(acme, FROM, TO, ZoneId.of("Europe/Paris")).keySet())
                .containsExactly(LocalDate.parse("2026-03-03"));
    }

    @Test
    void topExtensionsRankByCallsThenDurationThenNumberAndLeaveOutCallsWithoutExtension() {
        Instant at = Instant.parse("2026-03-03T12:00:00Z");
        call(acme, "inbound", "1003", 10, at);
        call(acme, "inbound", "1003", 10, at);
        call(acme, "inbound", "1001", 5, at);
        call(acme, "outbound", "1002", 50, at);
        call(acme, "inbound", "1004", 50, at);
        call(acme, "inbound", null, 500, at);
        call(acme, "inbound", null, 500, at);
        call(acme, "inbound", null, 500, at);
        call(globex, "inbound", "1009", 1, at);
        call(globex, "inbound", "1009", 1, at);
        call(globex, "inbound", "1009", 1, at);

        assertThat(reports.topExtensions(acme, FROM, TO, 3)).containsExactly(
                new ExtensionCalls("1003", 2, 20), new ExtensionCalls("1002", 1, 50),
                new ExtensionCalls("1004", 1, 50));
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }

    private void did(TenantId tenant, String number) {
        write(dsl -> dsl.execute(
                "INSERT INTO dids (id, tenant_id, number, inbound_route) VALUES (?, ?, ?, 'extension')",
                UUID.randomUUID(), tenant.value(), number));
    }

    private void call(TenantId tenant, String direction, String extension, long seconds, Instant startedAt) {
        write(dsl -> dsl.execute("""
                INSERT INTO call_records (id, tenant_id, call_uuid, direction, extension, status, duration_seconds,
                                          started_at, ended_at)
                VALUES (?, ?, ?, ?, ?, 'completed', ?, ?::timestamptz, ?::timestamptz)""",
                UUID.randomUUID(), tenant.value(), UUID.randomUUID(), direction, extension, seconds,
                startedAt.atOffset(ZoneOffset.UTC), startedAt.plusSeconds(seconds).atOffset(ZoneOffset.UTC)));
    }

    private void write(java.util.function.ToIntFunction<DSLContext> statement) {
        storage.transactions().executeWrite(status -> statement.applyAsInt(storage.bean(DSLContext.class)));
    }
}
