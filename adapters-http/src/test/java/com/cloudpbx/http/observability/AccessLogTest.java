package com.cloudpbx.http.observability;

import com.cloudpbx.http.testsupport.FakeAuthFilter;
import com.cloudpbx.http.testsupport.TestServer;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTest {

    private static final String API_KEY = "csk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final String JWT_LOOKALIKE = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    private TestServer server;
    @RegisterExtension
    final CapturedAccessLog log = new CapturedAccessLog();

    @BeforeAll
    void start() {
        server = TestServer.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void jsonLineHasTheRouteTemplateStatusAndCallerButNoCredentials() throws IOException {
        UUID id = UUID.randomUUID();
        server.send(server.request("/test/things/" + id + "?apiKey=" + API_KEY)
            .header("X-API-Key", API_KEY)
            .header("Authorization", "Bearer " + JWT_LOOKALIKE)
            .GET()
            .build());

        String line = log.onlyLine();
        assertThat(line).doesNotContain(API_KEY).doesNotContain(JWT_LOOKALIKE).doesNotContain(id.toString());

        Map<String, Object> json = parse(line);
        assertThat(json).containsOnlyKeys("level", "message", "route", "method", "status", "duration_ms",
            "tenant", "principal_id", "client_ip");
        assertThat(json)
            .containsEntry("route", "/test/things/{id}")
            .containsEntry("method", "GET")
            .containsEntry("status", 200)
            .containsEntry("level", "INFO")
            .containsEntry("tenant", FakeAuthFilter.TENANT)
            .containsEntry("principal_id", FakeAuthFilter.PRINCIPAL)
            .containsEntry("client_ip", "127.0.0.1");
        assertThat(((Number) json.get("duration_ms")).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat((String) json.get("message")).startsWith("method=GET route=/test/things/{id} status=200 ");
    }

    @Test
    void errorResponsesAreLoggedWithTheirFinalStatus() throws IOException {
        server.postJson("/test/things", "{\"password\": \"hunter2\", \"sipSecret\": \"s3cret\"}");

        String line = log.onlyLine();
        assertThat(line).doesNotContain("hunter2").doesNotContain("s3cret");
        Map<String, Object> json = parse(line);
        assertThat(json).containsEntry("route", "/test/things").containsEntry("status", 400);
        assertThat(json.get("tenant")).isNull();
    }

    @Test
    void unmatchedRoutesHaveNoRoute() throws IOException {
        server.get("/nowhere/" + API_KEY);

        String line = log.onlyLine();
        assertThat(line).doesNotContain(API_KEY);
        assertThat(parse(line)).containsEntry("status", 404).containsEntry("route", null);
    }

    @Test
    void aClientThatNamesAnotherAddressInForwardingHeadersIsLoggedWithItsOwn() throws IOException {
        server.send(server.request("/test/things/" + UUID.randomUUID())
            .header("X-Forwarded-For", "203.0.113.77")
            .header("Forwarded", "for=198.51.100.77")
            .GET()
            .build());

        assertThat(parse(log.onlyLine())).containsEntry("client_ip", "127.0.0.1");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String line) throws IOException {
        return server.context().getBean(JsonMapper.class).readValue(line, Map.class);
    }
}
