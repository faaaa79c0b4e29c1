package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a process stopped the way orchestrators and {@code systemctl stop} stop it: SIGTERM.
 * It must exit promptly, with the conventional code 143, and keep the record of the call that was
 * up when the signal came — every time, so the stop is repeated on the same data directory.
 */
class SigtermShutdownTest {

    private static final int ROUNDS = 3;
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(15);
    private static final int SIGTERM_EXIT_CODE = 143;
    private static final String SUPERADMIN_EMAIL = "root@sigterm.test";
    private static final String SUPERADMIN_PASSWORD = "sigterm-superadmin-1";
    private static final String ADMIN_EMAIL = "admin@sigterm.test";
    private static final String ADMIN_PASSWORD = "sigterm-admin-1";
    private static final Map<String, String> ENV = Map.of(
            "VOIP_SUPERADMIN_EMAIL", SUPERADMIN_EMAIL,
            "VOIP_SUPERADMIN_PASSWORD", SUPERADMIN_PASSWORD,
            "VOIP_SIM_ANSWER_MS", "100");

    @TempDir
    Path dataDir;

    @TempDir
    Path consoles;

    @Test
    void sigtermExitsWithin15SecondsWith143AndStoresTheLiveCallsRecordEveryTime() {
        List<String> calls = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            try (ServerProcess server = start("round-" + round)) {
                String admin = round == 1 ? createTenant(server) : adminToken(server);
                assertThat(recordedCalls(server, admin)).as("calls cut by the earlier stops").containsAll(calls);
                calls.add(liveCall(server, admin));

                server.sigterm();

                Optional<Integer> exit = server.awaitExit(EXIT_LIMIT);
                assertThat(exit).as("exit code within %s of SIGTERM, round %d; console:%n%s", EXIT_LIMIT, round,
                        server.console()).contains(SIGTERM_EXIT_CODE);
            }
        }
        try (ServerProcess server = start("after")) {
            String admin = adminToken(server);
            Response records = server.send("GET", "/api/calls?limit=100", null, "Authorization", "Bearer " + admin);

            assertThat(records.list("calls")).filteredOn(record -> calls.contains(record.get("call_uuid")))
                    .hasSize(ROUNDS)
                    .allSatisfy(record -> assertThat(record.get("hangup_cause")).isEqualTo("SYSTEM_SHUTDOWN"));
            assertThat(server.send("GET", "/health", null).status()).isEqualTo(200);
            server.sigterm();
            assertThat(server.awaitExit(EXIT_LIMIT)).contains(SIGTERM_EXIT_CODE);
        }
    }

    private ServerProcess start(String name) {
        return ServerProcess.start(dataDir, ENV, consoles.resolve(name + ".log"));
    }

    private static String createTenant(ServerProcess server) {
        Response login = server.send("POST", "/api/auth/superadmin-login",
                Map.of("email", SUPERADMIN_EMAIL, "password", SUPERADMIN_PASSWORD));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        Response tenant = server.send("POST", "/api/tenants", Map.of("companyName", "Sigterm Co",
                        "subdomain", "sigterm", "adminEmail", ADMIN_EMAIL, "adminPassword", ADMIN_PASSWORD),
                "Authorization", "Bearer " + login.string("token"));
        assertThat(tenant.status()).as(tenant.text()).isEqualTo(201);
        String admin = adminToken(server);
        Response extension = server.send("POST", "/api/extensions",
                Map.of("extension", "1001", "password", "sigterm-phone-1", "displayName", "Desk"),
                "Authorization", "Bearer " + admin);
        assertThat(extension.status()).as(extension.text()).isEqualTo(201);
        return admin;
    }

    private static String adminToken(ServerProcess server) {
        Response login = server.send("POST", "/api/auth/admin-login",
                Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return login.string("token");
    }

    /** Places a call and waits until both legs are answered: the call is up when SIGTERM comes. */
    private static String liveCall(ServerProcess server, String admin) {
        Response placed = server.send("POST", "/api/calls/originate",
                Map.of("fromExtension", "1001", "toNumber", "+15550100200"), "Authorization", "Bearer " + admin);
        assertThat(placed.status()).as(placed.text()).isEqualTo(200);
        String call = placed.string("callUuid");
        Eventually.value(() -> {
            List<Map<String, Object>> legs = server.send("GET", "/api/calls/active", null,
                    "Authorization", "Bearer " + admin).list("activeCalls").stream()
                    .filter(leg -> call.equals(leg.get("call_uuid")) && Boolean.TRUE.equals(leg.get("answered")))
                    .toList();
            return legs.size() == 2 ? Optional.of(legs) : Optional.empty();
        });
        return call;
    }

    private static List<Object> recordedCalls(ServerProcess server, String admin) {
        Response records = server.send("GET", "/api/calls?limit=100", null, "Authorization", "Bearer " + admin);
        assertThat(records.status()).as(records.text()).isEqualTo(200);
        return records.list("calls").stream().map(record -> record.get("call_uuid")).toList();
    }
}
