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
    void an_unknown_route_is_404_not_found() {
        Response response = api.get("/api/no-such-route", acme.admin());

        assertError(response, 404, "NOT_FOUND");
    }

    @Test
    void an_unknown_route_without_credentials_is_404_too() {
        Response response = api.get("/api/no-such-route", Credential.NONE);

        assertError(response, 404, "NOT_FOUND");
    }

    @Test
    void a_wrong_method_is_405() {
        Response response = api.delete("/api/auth/me", acme.admin());

        assertError(response, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        Response response = api.send("POST", "/api/extensions", "extension=7001", acme.admin(), "text/plain");

        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformed_json_is_400_malformed_json() {
        Response response = api.send("POST", "/api/extensions", "{\"extension\": \"7002\",", acme.admin(),
                "application/json");

        assertError(response, 400, "MALFORMED_JSON");
    }

    @Test
    void a_body_over_the_size_limit_is_413() {
        String big = "{\"extension\":\"7003\",\"password\":\"big-body-pass\",\"displayName\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}";

        Response response = api.send("POST", "/api/extensions", big, acme.admin(), "application/json");

        assertError(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_path_id_that_is_not_a_uuid_is_400_naming_the_parameter() {
        Response response = api.get("/api/extensions/not-a-uuid", acme.admin());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("error")).contains("id");
        assertThat(response.string("details.0.field")).isEqualTo("id");
    }

    @Test
    void a_field_of_the_wrong_type_is_400_naming_the_field() {
        Response response = api.post("/api/extensions", Map.of("extension", "7004", "password", "wrong-type-pass",
                "displayName", "Wrong Type", "voicemailEnabled", "yes"), acme.admin());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("error")).contains("voicemailEnabled");
        assertThat(response.string("details.0.field")).isEqualTo("voicemailEnabled");
    }

    @Test
    void a_number_for_a_boolean_field_is_400_naming_the_field() {
        Response response = api.post("/api/extensions", Map.of("extension", "7005", "password", "number-bool-pass",
                "displayName", "Number Bool", "voicemailEnabled", 1), acme.admin());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("details.0.field")).isEqualTo("voicemailEnabled");
    }

    @Test
    void a_field_of_the_wrong_type_in_an_update_is_400_naming_the_field() {
        String id = platform.extension(acme, "7006", "update-type-pass").string("extension.id");

        Response response = api.put("/api/extensions/" + id, Map.of("voicemailEnabled", "yes"), acme.admin());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("details.0.field")).isEqualTo("voicemailEnabled");
    }

    @Test
    void an_empty_object_is_400_validation_failed() {
        Response response = api.post("/api/extensions", Map.of(), acme.admin());

        assertError(response, 400, "VALIDATION_FAILED");
        assertThat(response.list("details")).isNotEmpty();
    }

    @Test
    void an_x_tenant_id_that_is_not_a_uuid_is_400() {
        Response response = api.get("/api/extensions", acme.admin().inTenant("not-a-uuid"));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("error")).contains("X-Tenant-ID");
    }

    @Test
    void a_tenant_admin_naming_another_tenant_is_403() {
        Response response = api.get("/api/extensions", acme.admin().inTenant(globex.id()));

        assertError(response, 403, "FORBIDDEN");
    }

    @Test
    void no_credentials_is_401_with_a_challenge() {
        Response response = api.get("/api/extensions", Credential.NONE);

        assertError(response, 401, "UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).isNotBlank();
    }

    @Test
    void an_unknown_api_key_is_401_with_a_challenge() {
        Response response = api.get("/api/extensions",
                Credential.apiKey("csk_live_" + "A".repeat(43)));

        assertError(response, 401, "UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).isNotBlank();
    }

    @Test
    void no_request_in_this_class_is_answered_with_a_server_error() {
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
