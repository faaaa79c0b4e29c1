package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.TcpProxy;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.storage.testing.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running server (its connections are broken and new ones
 * refused, through a TCP proxy between the server and PostgreSQL) and comes back. Meanwhile every
 * route answers 503 {@code BACKEND_UNAVAILABLE} quickly instead of 500 or hanging; afterwards the
 * same server answers again without a restart, and nothing it had acknowledged is lost — not even
 * the record of a call that ended during the outage.
 */
class DatabaseOutageAttackTest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(8);
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private static TcpProxy proxy;
    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture tenant;
    private static Credential adminKey;

    @BeforeAll
    static void start() {
        TestDatabase.Database direct = TestDatabase.freshDatabase();
        URI postgres = URI.create(direct.jdbcUrl().substring("jdbc:".length()));
        proxy = TcpProxy.to(postgres.getHost(), postgres.getPort());
        String proxied = direct.jdbcUrl().replace(":" + postgres.getPort() + "/", ":" + proxy.port() + "/");
        api = ApiServer.start(new TestDatabase.Database(proxied, direct.user(), direct.password()),
                Map.of("voip.sim.answer-ms", 50));
        platform = new Platform(api);
        tenant = platform.tenant();
        platform.extension(tenant, "1001", "sip-password-1001");
        platform.extension(tenant, "1002", "sip-password-1002");
        adminKey = platform.apiKey(tenant, "admin", List.of(), null);
    }

    @AfterAll
    static void stop() {
        api.close();
        proxy.close();
    }

    @Test
    void aDatabaseOutageIsAnswered503OnEveryRouteAndTheServerRecoversWithoutRestart() throws Exception {
        String callUuid = answeredCall();
        proxy.cut();
        try {
            everyRouteAnswersBackendUnavailable();
            eventsSocketAsksToReconnectLater();
            // The caller hangs up while the database is away: the call's record must survive it.
            api.bean(LegControl.class).hangup(UUID.fromString(callUuid));
            assertThat(health().status()).isEqualTo(503);
        } finally {
            proxy.restore();
        }

        Response extensions = Eventually.value(RECOVERY, () -> Optional.of(api.get("/api/extensions", tenant.admin()))
                .filter(r -> r.status() == 200));
        assertThat(extensions.list("extensions")).extracting(e -> e.get("extension"))
                .containsExactlyInAnyOrder("1001", "1002");
        Response created = api.post("/api/extensions", Map.of("extension", "1003", "password", "sip-password-1003",
                "displayName", "After the outage"), tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(api.get("/api/api-keys", adminKey).status()).isEqualTo(200);
        List<Map<String, Object>> calls = Eventually.value(() -> Optional.of(api.get("/api/calls", adminKey))
                .filter(r -> r.status() == 200 && !r.list("calls").isEmpty()).map(r -> r.list("calls")));
        assertThat(calls).extracting(c -> c.get("call_uuid")).containsExactly(callUuid);
        assertThat(health().status()).isEqualTo(200);
    }

    private static String answeredCall() {
        Response originated = api.post("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                tenant.admin());
        assertThat(originated.status()).as(originated.text()).isEqualTo(200);
        String callUuid = originated.string("callUuid");
        Eventually.value(() -> Optional.of(api.get("/api/calls/active", tenant.admin()))
                .filter(r -> r.status() == 200 && r.list("activeCalls").stream()
                        .filter(leg -> callUuid.equals(leg.get("call_uuid")))
                        .filter(leg -> Boolean.TRUE.equals(leg.get("answered"))).count() == 2));
        return callUuid;
    }

    private static void everyRouteAnswersBackendUnavailable() {
        unavailable(() -> api.post("/api/auth/admin-login",
                Map.of("email", tenant.adminEmail(), "password", tenant.adminPassword()), Credential.NONE));
        unavailable(() -> api.post("/api/auth/login",
                Map.of("username", "1001", "password", "sip-password-1001", "tenantId", tenant.id()), Credential.NONE));
        unavailable(() -> api.get("/api/extensions", tenant.admin()));
        unavailable(() -> api.post("/api/extensions", Map.of("extension", "1003", "password", "sip-password-1003",
                "displayName", "During the outage"), tenant.admin()));
        unavailable(() -> api.get("/api/api-keys", adminKey));
        unavailable(() -> api.get("/api/auth/me", Credential.apiKey("csk_live_" + "0".repeat(43))));
        unavailable(() -> api.get("/api/calls", tenant.admin()));
        unavailable(() -> api.get("/api/calls/export", tenant.admin()));
        unavailable(() -> api.post("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                tenant.admin()));
        unavailable(() -> api.get("/api/audit-log", tenant.admin()));
    }

    private static void unavailable(Supplier<Response> request) {
        long started = System.nanoTime();
        Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.status()).as(response.text()).isEqualTo(503);
        assertThat(response.string("code")).isEqualTo("BACKEND_UNAVAILABLE");
        assertThat(response.string("error")).contains("database is unavailable");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(took).as("answered quickly, not left hanging").isLessThan(FAIL_FAST);
    }

    private static void eventsSocketAsksToReconnectLater() throws Exception {
        try (EventSocket socket = EventSocket.open(api, "?token=" + tenant.admin().token())) {
            assertThat(socket.closeCode().get(FAIL_FAST.toSeconds() + 5, TimeUnit.SECONDS)).isEqualTo(1013);
        }
    }

    private static Response health() {
        return api.get("/health", Credential.NONE);
    }
}
