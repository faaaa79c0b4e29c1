package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page on another site tries to use a visitor's browser against the API: its preflights and
 * requests must get no Access-Control-Allow-Origin unless its origin is in VOIP_CORS_ORIGINS. The
 * server runs as a process, configured by environment variables as an operator does.
 */
class CorsAttackTest {

    private static final String CRM = "https://crm.example.com";
    private static final String EVIL = "https://evil.example";
    private static final String SDK_HEADERS = "authorization,content-type,x-api-key,x-tenant-id,idempotency-key";
    private static final String EMAIL = "root@cors.test";
    private static final String PASSWORD = "cors-superadmin-1";

    @TempDir
    static Path dataDir;

    private static ServerProcess server;

    @BeforeAll
    static void startWithOneListedOrigin() {
        server = ServerProcess.start(dataDir, Map.of("VOIP_CORS_ORIGINS", CRM + ", https://app.example.com",
                "VOIP_SUPERADMIN_EMAIL", EMAIL, "VOIP_SUPERADMIN_PASSWORD", PASSWORD), dataDir.resolve("console.log"));
    }

    @AfterAll
    static void stop() {
        server.sigterm();
        server.awaitExit(Duration.ofSeconds(15));
        server.close();
    }

    @AfterEach
    void theServerIsHealthyAndTheSuperadminStillLogsIn() {
        assertThat(server.send("GET", "/health", null).status()).isEqualTo(200);
        Response login = server.send("POST", "/api/auth/superadmin-login", Map.of("email", EMAIL, "password", PASSWORD));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
    }

    @Test
    void aPreflightFromAnUnlistedOriginGetsNoAllowOrigin() {
        Response preflight = preflight(EVIL, "POST");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void aRequestFromAnUnlistedOriginGetsNoAllowOrigin() {
        Response login = server.send("POST", "/api/auth/superadmin-login", Map.of("email", EMAIL, "password", PASSWORD),
                "Origin", EVIL);

        assertThat(login.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void anOriginThatOnlyStartsLikeAListedOneGetsNoAllowOrigin() {
        Response preflight = preflight(CRM + ".evil.example", "GET");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aPreflightFromAListedOriginAllowsTheHeadersTheSdkSends() {
        Response preflight = preflight(CRM, "POST");

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(CRM);
        assertThat(allowedHeaders(preflight)).containsAll(Arrays.asList(SDK_HEADERS.split(",")));
    }

    private static Response preflight(String origin, String method) {
        return server.send("OPTIONS", "/api/extensions", null, "Origin", origin,
                "Access-Control-Request-Method", method, "Access-Control-Request-Headers", SDK_HEADERS);
    }

    private static List<String> allowedHeaders(Response preflight) {
        return preflight.headers().allValues("Access-Control-Allow-Headers").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
    }
}
