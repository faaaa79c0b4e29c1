package com.cloudpbx.storage.postgres.reports;

import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With a million calls in one tenant's history (two years of them) and another tenant's beside
 * them, every report reads only its window's entries of V17's covering index, and answers within
 * 100 ms once the database is warm. The plans and timings are those of the adapter's own SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallReportsQueryPlansTest {

    private static final int CALLS = 1_000_000;
    /** A million calls 63 seconds apart span two years: 2025-01-01 to 2026-12-30. */
    private static final LocalDate TODAY = LocalDate.parse("2026-12-30");
    private static final long BUDGET_MILLIS = 100;

    private final PostgresStorage storage = PostgresStorage.start();
    private final JdbcCallReports reports = storage.bean(JdbcCallReports.class);
    private final CallReportQueries queries = new CallReportQueries(storage.bean(DSLContext.class));
    private TenantId acme;

    @BeforeAll
    void aMillionCalls() throws SQLException {
        acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        // A bulk load: the table's own indexes are dropped and built again once the rows are in,
        // which is many times faster than maintaining each of them row by row.
        List<Map<String, Object>> indexes = storage.rows("""
                SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'call_records'
                AND indexname NOT IN (SELECT conname FROM pg_constraint)""");
        assertThat(indexes).extracting(row -> row.get("indexname")).contains("call_records_tenant_started_report_idx");
        storage.execute("SET LOCAL maintenance_work_mem = '256MB';"
                + "DROP INDEX " + indexes.stream().map(row -> (String) row.get("indexname"))
                        .collect(Collectors.joining(", ")) + ";"
                + insertCalls(acme, CALLS) + ";" + insertCalls(globex, CALLS / 5) + ";"
                + indexes.stream().map(row -> (String) row.get("indexdef")).collect(Collectors.joining(";")));
        // Outside a transaction, as VACUUM must be: it sets the visibility map index-only scans rely on.
        var settings = storage.context();
        try (Connection connection = DriverManager.getConnection(
                settings.getRequiredProperty("datasources.default.url", String.class),
                settings.getRequiredProperty("datasources.default.username", String.class),
                settings.getProperty("datasources.default.password", String.class).orElse(""));
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE call_records");
        }
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    @Test
    void countingTodaysAndThisMonthsCallsReadsOnlyTheIndex() {
        String plan = explain(queries.count(acme, start(TODAY.withDayOfMonth(1)), start(TODAY.plusDays(1))));

        assertThat(plan).contains("Index Only Scan").doesNotContain("Seq Scan");
    }

    @Test
    void callsByDayReadsOnlyTheReportIndex() {
        String plan = explain(queries.byDay(acme, start(TODAY.minusDays(365)), start(TODAY.plusDays(1)),
                ZoneId.of("Europe/Paris")));

        assertThat(plan).contains("Index Only Scan using call_records_tenant_started_report_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void topExtensionsReadsOnlyTheReportIndex() {
        String plan = explain(queries.topExtensions(acme, start(TODAY.minusDays(365)), start(TODAY.plusDays(1)),
                100));

        assertThat(plan).contains("Index Only Scan using call_records_tenant_started_report_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void theDashboardAnswersWithinBudget() {
        long millis = timed(() -> {
            reports.countExtensions(acme);
            reports.countDids(acme);
            reports.countCalls(acme, start(TODAY), start(TODAY.plusDays(1)));
            reports.countCalls(acme, start(TODAY.withDayOfMonth(1)), start(TODAY.plusDays(1)));
        });

        System.out.printf("reports at %,d calls: dashboard %d ms%n", CALLS, millis);
        assertThat(millis).isLessThan(BUDGET_MILLIS);
    }

    @Test
    void aWeekOfCallsByDayAnswersWithinBudget() {
        long millis = timed(() -> reports.callsByDay(acme, start(TODAY.minusDays(6)), start(TODAY.plusDays(1)),
                ZoneId.of("Europe/Paris")));

        System.out.printf("reports at %,d calls: calls-by-day, 7 days %d ms%n", CALLS, millis);
        assertThat(millis).isLessThan(BUDGET_MILLIS);
    }

    @Test
    void aWeeksTopExtensionsAnswerWithinBudget() {
        long millis = timed(() -> reports.topExtensions(acme, start(TODAY.minusDays(6)), start(TODAY.plusDays(1)),
                10));

        System.out.printf("reports at %,d calls: top-extensions, 7 days %d ms%n", CALLS, millis);
        assertThat(millis).isLessThan(BUDGET_MILLIS);
    }

    @Test
    void aMonthOfCallsByDayAnswersWithinBudget() {
        long millis = timed(() -> reports.callsByDay(acme, start(TODAY.minusDays(29)), start(TODAY.plusDays(1)),
                ZoneOffset.UTC));

        System.out.printf("reports at %,d calls: calls-by-day, 30 days %d ms%n", CALLS, millis);
        assertThat(millis).isLessThan(BUDGET_MILLIS);
    }

    /** The median of five runs after two warm-up runs. */
    private static long timed(Runnable report) {
        report.run();
        report.run();
        long[] runs = new long[5];
        for (int i = 0; i < runs.length; i++) {
            long started = System.nanoTime();
            report.run();
            runs[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(runs);
        return runs[runs.length / 2];
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }

    private static String insertCalls(TenantId tenant, int calls) {
        long spacing = 63L * CALLS / calls;
        return """
                INSERT INTO call_records (id, tenant_id, call_uuid, direction, extension, status, duration_seconds,
                                          started_at, ended_at)
                SELECT gen_random_uuid(), '%s', gen_random_uuid(),
                       (ARRAY['inbound', 'outbound', 'internal'])[1 + i %% 3],
                       CASE WHEN i %% 50 = 0 THEN NULL ELSE (1000 + i %% 200)::text END, 'completed', i %% 600,
                       timestamptz '2025-01-01' + i * interval '%d seconds',
                       timestamptz '2025-01-01' + i * interval '%d seconds' + interval '1 minute'
                FROM generate_series(1, %d) AS i""".formatted(tenant.value(), spacing, spacing, calls);
    }

    private String explain(Query query) {
        String sql = storage.bean(DSLContext.class).renderInlined(query);
        return storage.rows("EXPLAIN " + sql).stream()
                .map(row -> row.values().iterator().next().toString())
                .collect(Collectors.joining("\n"));
    }
}
