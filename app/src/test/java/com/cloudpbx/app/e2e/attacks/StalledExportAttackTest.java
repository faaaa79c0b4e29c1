package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.StalledDownload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients open call-history exports of 200,000 rows each and never read them: 25 of them, across
 * five tenants so that the per-tenant cap alone does not stop them. Exports beyond the caps are
 * refused with 429 at once; the admitted ones hold only the exports' own connections, so the
 * rest of the API keeps answering within a second; a client that reads nothing for the stall
 * timeout is cut off, its connection goes back to the pool, and the exports work again afterwards.
 */
class StalledExportAttackTest {

    private static final int TENANTS = 5;
    private static final int EXPORTS_PER_TENANT = 5;
    private static final int ROWS_PER_TENANT = 200_000;
    private static final int MAX_PER_TENANT = 3;
    private static final int MAX_CONCURRENT = 4;
    private static final Duration STALL = Duration.ofSeconds(6);

    private static ApiServer api;
    private static Platform platform;
    private static final List<TenantFixture> tenants = new ArrayList<>();

    @BeforeAll
    static void start() throws SQLException {
        api = ApiServer.start(Map.of("voip.export.stall-seconds", STALL.toSeconds(),
                "voip.export.max-per-tenant", MAX_PER_TENANT, "voip.export.max-concurrent", MAX_CONCURRENT));
        platform = new Platform(api);
        for (int i = 0; i < TENANTS; i++) {
            TenantFixture tenant = platform.tenant();
            tenants.add(tenant);
            platform.extension(tenant, "1001", "sip-password-1001");
            insertCalls(tenant, ROWS_PER_TENANT);
            // Warmed up, so that the timing below measures waiting for the database, not a cold start.
            assertThat(api.get("/api/extensions", tenant.admin()).status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void stalledExportsCannotStarveTheApiAndAreCutOffWithTheirConnectionsReturned() throws Exception {
        List<StalledDownload> stalled = openStalledExports();
        try {
            // A starved pool makes every request wait the pool's connection timeout (3 s) and then
            // answer 503; the median keeps one request slowed by a busy CPU from deciding the outcome.
            List<Duration> times = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (TenantFixture tenant : tenants) {
                    long started = System.nanoTime();
                    Response extensions = api.get("/api/extensions", tenant.admin());
                    times.add(Duration.ofNanos(System.nanoTime() - started));
                    assertThat(extensions.status()).as(extensions.text()).isEqualTo(200);
                }
            }
            assertThat(times.stream().sorted().toList().get(times.size() / 2)).as("median of " + times)
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(cursorsHeldByPool()).as("open export cursors, by pool")
                    .isEqualTo(Map.of("voip-server-exports", MAX_CONCURRENT));

            List<StalledDownload> admitted = stalled.stream().filter(d -> d.status() == 200).toList();
            List<StalledDownload> refused = stalled.stream().filter(d -> d.status() == 429).toList();
            assertThat(admitted).hasSize(MAX_CONCURRENT);
            assertThat(refused).hasSize(TENANTS * EXPORTS_PER_TENANT - MAX_CONCURRENT);
            assertThat(refused).allSatisfy(d -> assertThat(d.header("Retry-After")).isNotBlank());

            Thread.sleep(STALL.plusSeconds(2).toMillis());
            for (StalledDownload download : admitted) {
                StalledDownload.Drained drained = download.drainUntilClosed(Duration.ofSeconds(20));
                assertThat(drained.complete()).as("cut off, not finished").isFalse();
            }
        } finally {
            for (StalledDownload download : stalled) {
                download.close();
            }
        }

        Eventually.value(Duration.ofSeconds(15), () -> Optional.of(busyConnections()).filter(n -> n == 0));
        assertThat(api.get("/health", Credential.NONE).status()).isEqualTo(200);
        assertThat(exportedRows(tenants.get(0))).isEqualTo(ROWS_PER_TENANT);
    }

    /** Every download opened at once, so that the admitted ones are all still stalled when the rest ask. */
    private static List<StalledDownload> openStalledExports() throws Exception {
        ExecutorService openers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<StalledDownload>> opening = new ArrayList<>();
            for (TenantFixture tenant : tenants) {
                for (int i = 0; i < EXPORTS_PER_TENANT; i++) {
                    opening.add(openers.submit(() -> StalledDownload.open(api, "/api/calls/export", tenant.admin())));
                }
            }
            List<StalledDownload> opened = new ArrayList<>();
            for (Future<StalledDownload> download : opening) {
                opened.add(download.get());
            }
            return opened;
        } finally {
            openers.shutdown();
        }
    }

    /** Sessions of the server holding a transaction open (an export's cursor), by application name. */
    private static Map<String, Integer> cursorsHeldByPool() {
        try (Connection connection = api.database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT application_name, count(*)"
                     + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                     + " AND state IN ('active', 'idle in transaction') GROUP BY application_name");
             ResultSet rows = query.executeQuery()) {
            Map<String, Integer> held = new HashMap<>();
            while (rows.next()) {
                held.put(rows.getString(1), rows.getInt(2));
            }
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sessions of the server on its database that are running a query or holding a transaction. */
    private static int busyConnections() {
        try (Connection connection = api.database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                     + " AND state IN ('active', 'idle in transaction')");
             ResultSet count = query.executeQuery()) {
            count.next();
            return count.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long exportedRows(TenantFixture tenant) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> export = http.send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/api/calls/export"))
                .header("Authorization", "Bearer " + tenant.admin().token())
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(export.statusCode()).isEqualTo(200);
        try (Stream<String> lines = export.body()) {
            return lines.count() - 1;
        }
    }

    private static void insertCalls(TenantFixture tenant, int rows) throws SQLException {
        try (Connection connection = api.database().dataSource().getConnection();
             Statement insert = connection.createStatement()) {
            insert.execute("INSERT INTO call_records (id, tenant_id, call_uuid, direction, caller_id_number,"
                    + " destination, extension, status, duration_seconds, billsec, started_at, ended_at)"
                    + " SELECT gen_random_uuid(), '" + UUID.fromString(tenant.id()) + "', gen_random_uuid(),"
                    + " 'inbound', '+1555' || lpad(n::text, 7, '0'), '1001', '1001', 'completed', 60, 55,"
                    + " now() - make_interval(secs => n), now() - make_interval(secs => n) + interval '1 minute'"
                    + " FROM generate_series(1, " + rows + ") AS n");
        }
    }
}
