package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, API documentation and metrics, fetched the way a load balancer, browser and scraper do. */
@ExtendWith(SharedApiServer.class)
class OperationsEndpointsTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String PROMETHEUS_ACCEPT =
            "application/openmetrics-text;version=1.0.0;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final Pattern ABSOLUTE_URL = Pattern.compile("https?://[^\\s\"'<>)]+");
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("(?:src|href)=\"(/[^\"]*)\"");

    private static ApiServer api;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
    }

    @Test
    void healthIs200UpWithoutCredentials() {
        Response health = api.get("/health", Credential.NONE);

        assertThat(health.status()).as(health.text()).isEqualTo(200);
        assertThat(health.string("status")).isEqualTo("UP");
    }

    @Test
    void healthDetailsAreRefusedToEveryCredentialOfATenant() {
        Platform platform = new Platform(api);
        TenantFixture tenant = platform.tenant();
        platform.extension(tenant, "1001", "user-sip-pass-1");
        List<Credential> tenantCredentials = List.of(
                tenant.admin(),
                platform.apiKey(tenant, "admin", List.of(), null),
                platform.apiKey(tenant, "readonly", List.of(), null),
                platform.apiKey(tenant, "user", List.of(), "1001"),
                platform.extensionUser(tenant, "1001", "user-sip-pass-1"));

        for (Credential credential : tenantCredentials) {
            Response details = api.get("/health/details", credential);
            assertThat(details.status()).as(details.text()).isEqualTo(403);
            assertThat(details.text()).doesNotContain("details");
        }
    }

    @Test
    void healthDetailsAreServedToASuperadmin() {
        Response details = api.get("/health/details", new Platform(api).superadmin());

        assertThat(details.status()).as(details.text()).isEqualTo(200);
        assertThat(details.string("status")).isEqualTo("UP");
        assertThat(details.text()).contains("\"database\":\"UP\"");
    }

    @Test
    void theOpenapiDocumentIsServedAndDescribesTheRoutes() throws Exception {
        HttpResponse<String> document = fetch("/openapi.yml", "application/yaml, */*");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).containsPattern("(?m)^openapi: [\"']?3\\.");
        assertThat(document.body()).contains("/api/extensions", "/api/auth/login", "/api/api-keys", "/api/tenants",
                "/api/audit-log");
    }

    @Test
    void theDocsPageIsHtmlThatLoadsNothingFromOtherHosts() throws Exception {
        HttpResponse<String> page = fetch("/docs", BROWSER_ACCEPT);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(foreignUrls(page.body())).isEmpty();
        List<String> references = new ArrayList<>();
        Matcher matcher = LOCAL_REFERENCE.matcher(page.body());
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            HttpResponse<String> asset = fetch(reference, "*/*");
            assertThat(asset.statusCode()).as(reference).isEqualTo(200);
        }
        HttpResponse<String> initializer = fetch("/docs/swagger-initializer.js", "*/*");
        assertThat(initializer.body()).contains("/openapi.yml");
        assertThat(foreignUrls(initializer.body())).isEmpty();
    }

    @Test
    void metricsFromLoopbackWithoutCredentialsArePrometheusText() throws Exception {
        api.get("/health", Credential.NONE);
        api.get("/api/extensions", Credential.NONE);

        HttpResponse<String> metrics = fetch("/metrics", PROMETHEUS_ACCEPT);

        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body()).contains("# TYPE", "http_server_requests_seconds", "jvm_memory", "hikaricp");
    }

    @Test
    void metricsAreAlsoServedToAScraperThatAsksForPlainText() throws Exception {
        HttpResponse<String> metrics = fetch("/metrics", "text/plain");

        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory");
    }

    private List<String> foreignUrls(String text) {
        List<String> foreign = new ArrayList<>();
        Matcher matcher = ABSOLUTE_URL.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().startsWith(api.baseUrl())) {
                foreign.add(matcher.group());
            }
        }
        return foreign;
    }

    private static HttpResponse<String> fetch(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
