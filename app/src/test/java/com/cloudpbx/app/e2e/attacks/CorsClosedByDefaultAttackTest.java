package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without VOIP_CORS_ORIGINS no origin at all is allowed: a browser page elsewhere reads nothing. */
@ExtendWith(SharedApiServer.class)
class CorsClosedByDefaultAttackTest {

    private static ApiServer api;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
    }

    @Test
    void withoutListedOriginsAPreflightFromAnyOriginGetsNoCorsHeaders() throws Exception {
        Platform.TenantFixture tenant = new Platform(api).tenant();
        HttpRequest preflight = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/extensions"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .timeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(preflight, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
        assertThat(api.get("/health", com.cloudpbx.app.support.Credential.NONE).status()).isEqualTo(200);
        Response extensions = api.get("/api/extensions", tenant.admin());
        assertThat(extensions.status()).as(extensions.text()).isEqualTo(200);
    }
}
