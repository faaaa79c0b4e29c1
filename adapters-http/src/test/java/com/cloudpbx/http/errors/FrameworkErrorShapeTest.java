package com.cloudpbx.http.errors;

import com.cloudpbx.http.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameworkErrorShapeTest {

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
    void unknownRouteIs404InTheErrorShape() {
        HttpResponse<String> response = server.get("/api/does-not-exist");

        assertThat(response.statusCode()).isEqualTo(404);
        assertJson(response);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("NOT_FOUND");
        assertThat(error.error()).contains("GET /api/does-not-exist");
        assertThat(response.body()).doesNotContain("details").doesNotContain("_links");
    }

    @Test
    void wrongMethodIs405NamingTheAllowedOnes() {
        HttpResponse<String> response = server.send(server.request("/test/things/search").DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertJson(response);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(error.error()).contains("DELETE").contains("GET");
    }

    @Test
    void wrongContentTypeIs415() {
        HttpResponse<String> response = server.send(server.request("/test/things")
            .header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString("name=x"))
            .build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertJson(response);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(error.error()).contains("text/plain").contains("application/json");
    }

    @Test
    void malformedJsonIs400SayingWhere() {
        HttpResponse<String> response = server.postJson("/test/things", "{\"name\": \"a\",\n \"ringTimeout\": }");

        assertThat(response.statusCode()).isEqualTo(400);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("MALFORMED_JSON");
        assertThat(error.error()).contains("line 2");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String padding = "x".repeat(2 * 1024 * 1024);
        HttpResponse<String> response = server.postJson("/test/things",
            "{\"name\": \"" + padding + "\", \"ringTimeout\": 5}");

        assertThat(response.statusCode()).isEqualTo(413);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(error.error()).contains("1 MiB");
    }

    @Test
    void nonUuidPathParameterIs400NamingIt() {
        HttpResponse<String> response = server.get("/test/things/not-a-uuid");

        assertThat(response.statusCode()).isEqualTo(400);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(error.error()).contains("'id'").contains("UUID");
        assertThat(error.details()).extracting(InvalidField::field).containsExactly("id");
    }

    @Test
    void unconvertibleQueryParameterIs400NamingIt() {
        HttpResponse<String> response = server.get("/test/things/search?limit=lots");

        assertThat(response.statusCode()).isEqualTo(400);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(error.error()).contains("'limit'").contains("integer");
    }

    @Test
    void missingQueryParameterIsAValidationFailure() {
        HttpResponse<String> response = server.get("/test/things/search");

        assertThat(response.statusCode()).isEqualTo(400);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.details()).containsExactly(new InvalidField("limit", "is required"));
    }

    @Test
    void constraintOnQueryParameterNamesIt() {
        HttpResponse<String> response = server.get("/test/things/search?limit=501");

        assertThat(response.statusCode()).isEqualTo(400);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.details()).extracting(InvalidField::field).containsExactly("limit");
    }

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        HttpResponse<String> response = server.postJson("/test/things", "{\"name\": \"a\", \"ringTimeout\": \"soon\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(error.error()).contains("ringTimeout");
    }

    @Test
    void wrongJsonTypeInANestedListNamesThePath() {
        HttpResponse<String> response = server.postJson("/test/things",
            "{\"name\": \"a\", \"ringTimeout\": 3, \"members\": [{\"extension\": \"1001\", \"priority\": \"high\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(error.details()).containsExactly(new InvalidField("members[0].priority", "must be an integer"));
    }

    @Test
    void missingRequiredFieldsAreListedInDetails() {
        HttpResponse<String> response = server.postJson("/test/things", "{\"members\": [{\"extension\": \"\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.details()).extracting(InvalidField::field)
            .containsExactlyInAnyOrder("name", "ringTimeout", "members[0].extension");
        assertThat(error.details()).allSatisfy(issue -> assertThat(issue.message()).isNotBlank());
        assertThat(error.error()).contains("name");
    }

    @Test
    void missingBodyIsAValidationFailureOnTheBody() {
        HttpResponse<String> response = server.send(server.request("/test/things")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.noBody())
            .build());

        assertThat(response.statusCode()).isEqualTo(400);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.details()).extracting(InvalidField::field).containsExactly("body");
        assertThat(error.error()).isEqualTo("A JSON request body is required");
    }

    @Test
    void unexpectedExceptionIsAGeneric500() {
        HttpResponse<String> response = server.get("/test/things/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("jdbc").doesNotContain("Exception");
    }

    @Test
    void statusExceptionsKeepTheirSentence() {
        HttpResponse<String> response = server.get("/test/things/conflict");

        assertThat(response.statusCode()).isEqualTo(409);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("CONFLICT");
        assertThat(error.error()).isEqualTo("Extension 1001 already exists in this tenant");
    }

    @Test
    void nullResultIs404InTheErrorShape() {
        HttpResponse<String> response = server.get("/test/things/absent");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(server.error(response).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void errorStatusReturnedWithoutBodyGetsOne() {
        HttpResponse<String> response = server.get("/test/things/bare-status");

        assertThat(response.statusCode()).isEqualTo(410);
        assertJson(response);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("GONE");
        assertThat(error.error()).isNotBlank();
    }

    @Test
    void browsersAskingForHtmlStillGetJson() {
        HttpResponse<String> response = server.send(server.request("/api/nowhere")
            .header("Accept", "text/html")
            .GET()
            .build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertJson(response);
    }

    private static void assertJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
    }
}
