package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Errors the framework produces, answered in the API's one error shape with the whole app wired. */
@ExtendWith(SharedApiServer.class)
class ErrorShapeAppTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;
    private static TenantFixture globex;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        globex = platform.tenant();
    }

    @Test
    void anUnknownRouteIs404NotFound() {
        Response response = api.get("/api/no-such-route", acme.admin());

        assertError(response, 404, "NOT_FOUND");
    }

    @Test
    void anUnknownRouteWithoutCredentialsIs404Too() {
        Response response = api.get("/api/no-such-route", Credential.NONE);

        assertError(response, 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIs405() {
        Response response = api.delete("/api/auth/me", acme.admin());

        assertError(response, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Response response = api.send("POST", "/api/extensions", "extension=7001", acme.admin(), "text/plain");

        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformedJsonIs400MalformedJson() {
        Response response = api.send("POST", "/api/extensions", "{\"extension\": \"7002\",", acme.admin(),
                "application/json");

        assertError(response, 400, "MALFORMED_JSON");
    }

    @Test
    void aBodyOverTheSizeLimitIs413() {
        String big = "{\"extension\":\"7003\",\"password\":\"big-body-pass\",\"displayName\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}";

        Response response = api.send("POST", "/api/extensions", big, acme.admin(), "application/json");

        assertError(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aPathIdThatIsNotAUuidIs400NamingTheParameter() {
        Response response = api.get("/api/extensions/not-a-uuid", acme.admin());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("error")).contains("id");
        assertThat(response.string("details.0.field")).isEqualTo("id");
    }

    @Test
    void aFieldOfTheWrongTypeIs400NamingTheField() {
        Response response = api.post("/api/extensions", Map.of("extension", "7004", "password", "wrong-type-pass",
                "displayName", "Wrong Type", "voicemailEnabled", "yes"), acme.admin());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("error")).contains("voicemailEnabled");
        assertThat(response.string("details.0.field")).isEqualTo("voicemailEnabled");
    }

    @Test
    void aNumberForABooleanFieldIs400NamingTheField() {
        Response response = api.post("/api/extensions", Map.of("extension", "7005", "password", "number-bool-pass",
                "displayName", "Number Bool", "voicemailEnabled", 1), acme.admin());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("details.0.field")).isEqualTo("voicemailEnabled");
    }

    @Test
    void aFieldOfTheWrongTypeInAnUpdateIs400NamingTheField() {
        String id = platform.extension(acme, "7006", "update-type-pass").string("extension.id");

        Response response = api.put("/api/extensions/" + id, Map.of("voicemailEnabled", "yes"), acme.admin());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("details.0.field")).isEqualTo("voicemailEnabled");
    }

    @Test
    void anEmptyObjectIs400ValidationFailed() {
        Response response = api.post("/api/extensions", Map.of(), acme.admin());

        assertError(response, 400, "VALIDATION_FAILED");
        assertThat(response.list("details")).isNotEmpty();
    }

    @Test
    void anXTenantIdThatIsNotAUuidIs400() {
        Response response = api.get("/api/extensions", acme.admin().inTenant("not-a-uuid"));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("error")).contains("X-Tenant-ID");
    }

    @Test
    void aTenantAdminNamingAnotherTenantIs403() {
        Response response = api.get("/api/extensions", acme.admin().inTenant(globex.id()));

        assertError(response, 403, "FORBIDDEN");
    }

    @Test
    void noCredentialsIs401WithAChallenge() {
        Response response = api.get("/api/extensions", Credential.NONE);

        assertError(response, 401, "UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).isNotBlank();
    }

    @Test
    void anUnknownApiKeyIs401WithAChallenge() {
        Response response = api.get("/api/extensions",
                Credential.apiKey("csk_live_" + "A".repeat(43)));

        assertError(response, 401, "UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).isNotBlank();
    }

    @Test
    void noRequestInThisClassIsAnsweredWithAServerError() {
        List<Response> responses = new ArrayList<>();
        responses.add(api.get("/api/no-such-route", acme.admin()));
        responses.add(api.delete("/api/auth/me", acme.admin()));
        responses.add(api.send("POST", "/api/extensions", "plain", acme.admin(), "text/plain"));
        responses.add(api.send("POST", "/api/extensions", "{", acme.admin(), "application/json"));
        responses.add(api.send("POST", "/api/extensions", "[1,2]", acme.admin(), "application/json"));
        responses.add(api.send("POST", "/api/extensions", "null", acme.admin(), "application/json"));
        responses.add(api.send("POST", "/api/extensions", "", acme.admin(), "application/json"));
        responses.add(api.send("PUT", "/api/extensions/" + UUID.randomUUID(), "[]", acme.admin(), "application/json"));
        responses.add(api.send("PUT", "/api/tenants/" + acme.id(), "\"text\"", platform.superadmin(),
                "application/json"));
        responses.add(api.get("/api/extensions/not-a-uuid", acme.admin()));
        responses.add(api.get("/api/audit-log?page=abc", acme.admin()));
        responses.add(api.get("/api/audit-log?limit=-1", acme.admin()));
        responses.add(api.get("/api/audit-log?dateFrom=yesterday", acme.admin()));
        responses.add(api.post("/api/api-keys", Map.of("name", "x", "scopes", List.of("nonsense")), acme.admin()));
        responses.add(api.post("/api/api-keys", Map.of("name", "x", "scopes", "calls:read"), acme.admin()));
        responses.add(api.post("/api/auth/login", Map.of("username", "1001", "password", "x", "tenantId", "nope"),
                Credential.NONE));
        responses.add(api.post("/api/auth/login", Map.of(), Credential.NONE));
        responses.add(api.post("/api/auth/admin-login", Map.of("email", "not-an-email", "password", "x"),
                Credential.NONE));
        responses.add(api.get("/api/extensions", acme.admin().inTenant("not-a-uuid")));
        responses.add(api.get("/api/extensions", Credential.token("a.b.c")));

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).as(r.text()).isBetween(400, 499);
            assertShape(r);
        });
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.string("code")).isEqualTo(code);
        assertShape(response);
    }

    /** {error, code}, plus details for validation failures only. */
    private static void assertShape(Response response) {
        assertThat(response.json()).as(response.text()).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.json();
        assertThat(body.get("error")).as(response.text()).isInstanceOf(String.class);
        assertThat((String) body.get("error")).isNotBlank();
        assertThat(String.valueOf(body.get("code"))).as(response.text()).matches("[A-Z][A-Z0-9_]*");
        if (body.containsKey("details")) {
            assertThat(body.keySet()).as(response.text()).containsExactlyInAnyOrder("error", "code", "details");
            assertThat(body.get("code")).as(response.text()).isIn("VALIDATION_FAILED", "INVALID_PARAMETER");
            assertThat((List<?>) body.get("details")).isNotEmpty().allSatisfy(d ->
                    assertThat(((Map<?, ?>) d).keySet()).extracting(Object::toString).containsExactlyInAnyOrder("field", "message"));
        } else {
            assertThat(body.keySet()).as(response.text()).containsExactlyInAnyOrder("error", "code");
        }
    }
}
