package com.cloudpbx.http.docs;

import com.cloudpbx.http.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsRoutesTest {

    private static final Pattern REFERENCES = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void openApiDocumentIsServedAsYamlWithoutCredentials() {
        HttpResponse<String> response = server.get("/openapi.yml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/yaml"));
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(response.body());
        assertThat(String.valueOf(document.get("openapi"))).startsWith("3");
        assertThat(document).extractingByKey("info").asString().contains("Cloud PBX API");
        assertThat(response.body()).contains("X-API-Key").contains("bearer");
    }

    @Test
    void docsPageUsesOnlyLocalAssets() {
        HttpResponse<String> response = server.get("/docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("text/html"));
        List<String> references = references(response.body());
        assertThat(references).isNotEmpty().allSatisfy(ref -> assertThat(ref).startsWith("/docs/"));
        assertThat(response.body()).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src 'self'"));
    }

    @Test
    void everyAssetThePageReferencesIsServed() {
        for (String reference : references(server.get("/docs").body())) {
            HttpResponse<String> asset = server.get(reference);
            assertThat(asset.statusCode()).as(reference).isEqualTo(200);
            assertThat(asset.body()).as(reference).isNotEmpty();
        }
        assertThat(server.get("/docs/swagger-initializer.js").body())
            .contains("url: '/openapi.yml'")
            .contains("validatorUrl: null");
    }

    @Test
    void onlyAllowListedAssetsAreServed() {
        assertThat(server.get("/docs/assets/index.html").statusCode()).isEqualTo(404);
        assertThat(server.get("/docs/assets/..%2F..%2F..%2Fpom.properties").statusCode()).isEqualTo(404);
    }

    private static List<String> references(String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = REFERENCES.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
