package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to every routing route — bodies that are no JSON, no object, the wrong content type,
 * empty, ids that are no UUIDs, unknown ids — is answered in the API's one error shape with the
 * status API.md gives it, never a 500, and changes nothing.
 */
@ExtendWith(SharedApiServer.class)
class RoutingErrorShapeTest {

    private static ApiServer api;
    private static TenantFixture acme;
    private static Credential superadmin;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        Platform platform = new Platform(api);
        acme = platform.tenant();
        superadmin = platform.superadmin();
    }

    /** Routes that take a JSON body, with the credential allowed to use them. */
    static Stream<String[]> writeRoutes() {
        return Stream.of(
                new String[] {"POST", "/api/dids"}, new String[] {"PUT", "/api/dids/{id}"},
                new String[] {"POST", "/api/ivr-menus"}, new String[] {"PUT", "/api/ivr-menus/{id}"},
                new String[] {"POST", "/api/ring-groups"}, new String[] {"PUT", "/api/ring-groups/{id}"},
                new String[] {"POST", "/api/paging-groups"}, new String[] {"PUT", "/api/paging-groups/{id}"},
                new String[] {"POST", "/api/paging-groups/{id}/broadcast"},
                new String[] {"POST", "/api/queues"}, new String[] {"PUT", "/api/queues/{id}"},
                new String[] {"POST", "/api/schedules"}, new String[] {"PUT", "/api/schedules/{id}"},
                new String[] {"POST", "/api/blocklist"}, new String[] {"PUT", "/api/blocklist/{id}"},
                new String[] {"POST", "/api/trunks"}, new String[] {"PUT", "/api/trunks/{id}"});
    }

    /** The routes that create a resource. */
    static Stream<String[]> createRoutes() {
        return writeRoutes().filter(route -> route[0].equals("POST") && !route[1].contains("{id}"));
    }

    /** Routes naming one resource by id. */
    static Stream<String[]> idRoutes() {
        return Stream.of(
                new String[] {"GET", "/api/dids/{id}"}, new String[] {"DELETE", "/api/dids/{id}"},
                new String[] {"GET", "/api/ivr-menus/{id}"}, new String[] {"DELETE", "/api/ivr-menus/{id}"},
                new String[] {"GET", "/api/ring-groups/{id}"}, new String[] {"DELETE", "/api/ring-groups/{id}"},
                new String[] {"GET", "/api/paging-groups/{id}"}, new String[] {"DELETE", "/api/paging-groups/{id}"},
                new String[] {"GET", "/api/queues/{id}"}, new String[] {"DELETE", "/api/queues/{id}"},
                new String[] {"GET", "/api/queues/{id}/stats"},
                new String[] {"POST", "/api/queues/{id}/agents/1001/login"},
                new String[] {"GET", "/api/schedules/{id}"}, new String[] {"DELETE", "/api/schedules/{id}"},
                new String[] {"GET", "/api/schedules/{id}/status"},
                new String[] {"GET", "/api/blocklist/{id}"}, new String[] {"DELETE", "/api/blocklist/{id}"},
                new String[] {"GET", "/api/trunks/{id}"}, new String[] {"DELETE", "/api/trunks/{id}"},
                new String[] {"POST", "/api/trunks/{id}/sync"});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writeRoutes")
    void malformedJsonIs400MalformedJson(String method, String route) {
        Response response = api.send(method, path(route, UUID.randomUUID()), "{\"name\": ", credential(route),
                "application/json");

        assertError(response, 400, "MALFORMED_JSON");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writeRoutes")
    void aBodyThatIsNotJsonIs415(String method, String route) {
        Response response = api.send(method, path(route, UUID.randomUUID()), "name=x", credential(route),
                "text/plain");

        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writeRoutes")
    void aBodyThatIsNoObjectIs400(String method, String route) {
        Response response = api.send(method, path(route, UUID.randomUUID()), "[1, 2]", credential(route),
                "application/json");

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("createRoutes")
    void anEmptyCreateIs400ValidationFailedNamingAField(String method, String route) {
        Response response = api.post(route, Map.of(), credential(route));

        assertError(response, 400, "VALIDATION_FAILED");
        assertThat(response.list("details")).isNotEmpty();
        assertThat(response.string("details.0.field")).isNotBlank();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("idRoutes")
    void anIdThatIsNotAUuidIs400NamingTheParameter(String method, String route) {
        Response response = api.send(method, route.replace("{id}", "not-a-uuid"), null, credential(route), null);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertShape(response);
        assertThat(response.string("details.0.field")).isEqualTo("id");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("idRoutes")
    void anUnknownIdIs404(String method, String route) {
        Response response = api.send(method, path(route, UUID.randomUUID()), null, credential(route), null);

        assertThat(response.status()).as(response.text()).isEqualTo(404);
        assertShape(response);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writeRoutes")
    void noCredentialIs401(String method, String route) {
        Response response = api.send(method, path(route, UUID.randomUUID()), "{}", Credential.NONE,
                "application/json");

        assertError(response, 401, "UNAUTHORIZED");
    }

    private static Credential credential(String route) {
        return route.startsWith("/api/trunks") ? superadmin : acme.admin();
    }

    private static String path(String route, UUID id) {
        return route.replace("{id}", id.toString());
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.string("code")).isEqualTo(code);
        assertShape(response);
    }

    /** {error, code}, plus details for validation failures only; never a 500. */
    private static void assertShape(Response response) {
        assertThat(response.status()).as(response.text()).isLessThan(500);
        assertThat(response.json()).as(response.text()).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.json();
        assertThat(body).containsKeys("error", "code");
        assertThat(body.keySet()).isSubsetOf(List.of("error", "code", "details"));
    }
}
