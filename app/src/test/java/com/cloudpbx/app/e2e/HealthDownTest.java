package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.ServerLauncher;
import com.cloudpbx.app.ServerLauncher.RunningServer;
import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.storage.postgres.EmbeddedPostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health over a database of the test's own, which the test then stops. */
class HealthDownTest {

    @TempDir
    static Path directory;

    private static EmbeddedPostgresServer postgres;
    private static RunningServer server;
    private static String superadminToken;
    private static boolean databaseStopped;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"));
        Map<String, String> env = new HashMap<>();
        env.put("VOIP_DB_URL", postgres.jdbcUrl());
        env.put("VOIP_DB_USER", postgres.user());
        env.put("VOIP_DB_PASSWORD", postgres.password());
        env.put("VOIP_JWT_SECRET", ApiServer.JWT_SECRET);
        env.put("VOIP_SECRET_KEY", ApiServer.SECRET_KEY);
        env.put("VOIP_SUPERADMIN_EMAIL", ApiServer.SUPERADMIN_EMAIL);
        env.put("VOIP_SUPERADMIN_PASSWORD", ApiServer.SUPERADMIN_PASSWORD);
        env.put("VOIP_SIP_DOMAIN_SUFFIX", "sip.test");
        server = ServerLauncher.launch(env, Map.of("micronaut.server.port", -1, "voip.bcrypt.cost", 4));
        HttpResponse<String> up = health();
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"");
        superadminToken = superadminLogin();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void healthTurns503NamingTheDatabaseOnceItStops() throws Exception {
        HttpResponse<String> down = databaseDown();

        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"code\":\"BACKEND_UNAVAILABLE\"");
        assertThat(down.body()).contains("\"database\":\"DOWN\"");
        assertThat(down.body()).containsPattern("\"error\":\"[^\"]*database");
    }

    @Test
    void anonymousHealthWithTheDatabaseDownTellsNoHostPortOrExceptionText() throws Exception {
        HttpResponse<String> down = databaseDown();

        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.body()).doesNotContain("127.0.0.1", "localhost", String.valueOf(postgres.port()),
                "PostgreSQL", "Exception", "Connection", "refused", "jdbc");
    }

    @Test
    void theHealthDetailsTellASuperadminWhyTheDatabaseIsDown() throws Exception {
        databaseDown();

        HttpResponse<String> details = send("/health/details", superadminToken);

        assertThat(details.statusCode()).as(details.body()).isEqualTo(503);
        assertThat(details.body()).contains("\"database\":\"DOWN\"", "\"code\":\"BACKEND_UNAVAILABLE\"");
        assertThat(details.body()).containsPattern("\"details\":\\{\"database\":\"PostgreSQL[^\"]+\"");
    }

    @Test
    void theHealthDetailsNeedACredential() throws Exception {
        databaseDown();

        HttpResponse<String> details = send("/health/details", null);

        assertThat(details.statusCode()).as(details.body()).isEqualTo(401);
        assertThat(details.body()).doesNotContain("PostgreSQL", String.valueOf(postgres.port()));
    }

    /** Stops the database (once) and waits until /health notices. */
    private static synchronized HttpResponse<String> databaseDown() throws Exception {
        if (!databaseStopped) {
            postgres.close();
            databaseStopped = true;
        }
        HttpResponse<String> down = health();
        Instant deadline = Instant.now().plusSeconds(15);
        while (down.statusCode() != 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            down = health();
        }
        return down;
    }

    private static HttpResponse<String> health() throws Exception {
        return send("/health", null);
    }

    private static HttpResponse<String> send(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server().getPort() + path))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String superadminLogin() throws Exception {
        String body = "{\"email\":\"" + ApiServer.SUPERADMIN_EMAIL + "\",\"password\":\""
                + ApiServer.SUPERADMIN_PASSWORD + "\"}";
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.server().getPort() + "/api/auth/superadmin-login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).as(login.body()).isTrue();
        return token.group(1);
    }
}
