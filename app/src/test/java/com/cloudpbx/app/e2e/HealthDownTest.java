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
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
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
    void health_turns_503_naming_the_database_once_it_stops() throws Exception {
        HttpResponse<String> up = health();
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"");

        postgres.close();

        HttpResponse<String> down = health();
        Instant deadline = Instant.now().plusSeconds(15);
        while (down.statusCode() != 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            down = health();
        }
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"code\":\"BACKEND_UNAVAILABLE\"");
        assertThat(down.body()).containsPattern("\"error\":\"[^\"]*database");
    }

    private static HttpResponse<String> health() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server().getPort() + "/health"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
