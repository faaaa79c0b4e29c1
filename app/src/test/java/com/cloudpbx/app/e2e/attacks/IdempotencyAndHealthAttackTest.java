package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.JsonHttp;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.storage.postgres.EmbeddedPostgresServer;
import com.cloudpbx.storage.testing.TestDatabase;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outsider maps the network behind the server through /health while its database is down; a
 * superadmin replays one Idempotency-Key in two tenants. The server runs over a PostgreSQL of the
 * test's own, which the test stops and starts again on the same port and data.
 */
class IdempotencyAndHealthAttackTest {

    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @TempDir
    static Path directory;

    private static EmbeddedPostgresServer postgres;
    private static int port;
    private static ApiServer api;
    private static Platform platform;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"));
        port = postgres.port();
        api = ApiServer.start(new TestDatabase.Database(postgres.jdbcUrl(), postgres.user(), postgres.password()),
                Map.of());
        platform = new Platform(api);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void endsHealthy() {
        Response health = Eventually.value(RECOVERY,
                () -> Optional.of(api.get("/health", Credential.NONE)).filter(r -> r.status() == 200));
        assertThat(health.string("status")).isEqualTo("UP");
    }

    @Test
    void anonymousHealthWithTheDatabaseDownRevealsNoHostPortOrExceptionText() {
        TenantFixture tenant = platform.tenant();
        platform.extension(tenant, "1001", "desk-sip-pass-1");
        Credential forged = Credential.token("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged");

        postgres.close();
        try {
            Response down = Eventually.value(RECOVERY,
                    () -> Optional.of(api.get("/health", Credential.NONE)).filter(r -> r.status() == 503));
            Response withForgedToken = api.get("/health", forged);
            Response detailsWithoutCredential = api.get("/health/details", Credential.NONE);

            for (Response probe : List.of(down, withForgedToken)) {
                assertThat(probe.status()).as(probe.text()).isEqualTo(503);
                assertThat(fields(probe)).containsOnlyKeys("status", "backends", "error", "code");
                assertThat(probe.string("code")).isEqualTo("BACKEND_UNAVAILABLE");
                assertThat(probe.string("backends.database")).isEqualTo("DOWN");
                assertThat(probe.string("error")).isEqualTo("database unreachable");
                assertNothingAboutTheNetwork(probe);
            }
            assertThat(detailsWithoutCredential.status()).as(detailsWithoutCredential.text()).isEqualTo(401);
            assertNothingAboutTheNetwork(detailsWithoutCredential);
        } finally {
            postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"), port);
        }

        endsHealthy();
        Response extensions = api.get("/api/extensions", tenant.admin());
        assertThat(extensions.status()).as(extensions.text()).isEqualTo(200);
        assertThat(extensions.list("extensions")).extracting(e -> e.get("extension")).containsExactly("1001");
    }

    @Test
    void aSuperadminReplayingOneIdempotencyKeyInTwoTenantsRunsTheCommandInEach() {
        TenantFixture acme = tenantWith("1001", "1002");
        TenantFixture globex = tenantWith("1001", "1002");
        Credential superadmin = platform.superadmin();
        Map<String, Object> body = Map.of("fromExtension", "1001", "toNumber", "1002");
        String key = "originate-" + UUID.randomUUID();

        Response inAcme = postWithKey("/api/calls/originate", body, superadmin.inTenant(acme.id()), key);
        Response inGlobex = postWithKey("/api/calls/originate", body, superadmin.inTenant(globex.id()), key);
        Response againInAcme = postWithKey("/api/calls/originate", body, superadmin.inTenant(acme.id()), key);

        assertThat(inAcme.status()).as(inAcme.text()).isEqualTo(200);
        assertThat(inGlobex.status()).as(inGlobex.text()).isEqualTo(200);
        assertThat(inGlobex.header("Idempotent-Replayed")).isNull();
        String acmeCall = inAcme.string("callUuid");
        String globexCall = inGlobex.string("callUuid");
        assertThat(globexCall).isNotEqualTo(acmeCall);
        assertThat(againInAcme.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(againInAcme.string("callUuid")).isEqualTo(acmeCall);
        assertThat(activeCalls(globex.admin())).containsOnly(globexCall);
        assertThat(activeCalls(acme.admin())).containsOnly(acmeCall);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Response response) {
        return (Map<String, Object>) response.json();
    }

    private static void assertNothingAboutTheNetwork(Response probe) {
        assertThat(probe.text()).doesNotContain("localhost", "127.0.0.1", String.valueOf(port), "5432",
                "PostgreSQL", "postgres", "Exception", "Connection", "refused", "jdbc", "timeout");
    }

    private static TenantFixture tenantWith(String... numbers) {
        TenantFixture tenant = platform.tenant();
        for (String number : numbers) {
            Response created = platform.extension(tenant, number, "sip-pass-" + number);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
        return tenant;
    }

    /** The call uuids of the tenant's live legs, once the originated calls show up. */
    private static List<Object> activeCalls(Credential admin) {
        return Eventually.value(() -> {
            Response active = api.get("/api/calls/active", admin);
            List<Object> calls = active.list("activeCalls").stream().map(l -> l.get("call_uuid")).distinct().toList();
            return calls.isEmpty() ? Optional.empty() : Optional.of(calls);
        });
    }

    private static Response postWithKey(String path, Object body, Credential credential, String key) {
        JsonHttp http = new JsonHttp(api.bean(JsonMapper.class));
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + credential.token())
                .header("X-Tenant-ID", credential.tenantId())
                .POST(http.jsonBody(body)));
    }
}
