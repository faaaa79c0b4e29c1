package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class TrunkEndpointsTest {

    private static final String MASK = "********";

    private static ApiServer api;
    private static Platform platform;
    private static Credential superadmin;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        superadmin = platform.superadmin();
    }

    @Test
    void createAnswersTheTrunkWithDefaultsAndItsPasswordThisOnce() {
        String name = uniqueName();

        Response created = api.post("/api/trunks", Map.of("name", name, "provider", "Telnyx",
                "proxy", "sip.telnyx.example", "username", "acme", "password", "carrier-secret-1"), superadmin);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("trunk.id")).isNotBlank();
        assertThat(created.string("trunk.name")).isEqualTo(name);
        assertThat(created.string("trunk.provider")).isEqualTo("Telnyx");
        assertThat(created.object("trunk")).containsEntry("tenant_id", null);
        assertThat(created.string("trunk.proxy")).isEqualTo("sip.telnyx.example");
        assertThat(created.string("trunk.password")).isEqualTo("carrier-secret-1");
        assertThat(created.string("trunk.transport")).isEqualTo("udp");
        assertThat(created.at("trunk.codecs")).isEqualTo(List.of("PCMU", "PCMA"));
        assertThat(created.at("trunk.register")).isEqualTo(true);
        assertThat(created.at("trunk.max_channels")).isEqualTo(30);
        assertThat(created.string("trunk.status")).isEqualTo("active");
        assertThat(created.string("trunk.created_at")).isNotBlank();
        assertThat(created.string("trunk.updated_at")).isNotBlank();
    }

    @Test
    void thePasswordIsMaskedInListGetAndUpdate() {
        String id = create(uniqueName()).string("trunk.id");

        Response listed = api.get("/api/trunks", superadmin);
        Response got = api.get("/api/trunks/" + id, superadmin);
        Response updated = api.put("/api/trunks/" + id, Map.of("password", "changed-secret-2"), superadmin);

        Map<String, Object> row = listed.list("trunks").stream().filter(t -> t.get("id").equals(id)).findFirst()
                .orElseThrow();
        assertThat(row.get("password")).isEqualTo(MASK);
        assertThat(got.string("trunk.password")).isEqualTo(MASK);
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("trunk.password")).isEqualTo(MASK);
        for (Response response : List.of(listed, got, updated)) {
            assertThat(response.text()).doesNotContain("carrier-secret-1").doesNotContain("changed-secret-2");
        }
    }

    @Test
    void thePasswordIsStoredEncrypted() throws Exception {
        String id = create(uniqueName()).string("trunk.id");

        String stored = storedPassword(id);

        assertThat(stored).isNotBlank().isNotEqualTo("carrier-secret-1").doesNotContain("carrier-secret-1");
    }

    @Test
    void crudRoundTrip() {
        String name = uniqueName();
        String id = create(name).string("trunk.id");

        Response got = api.get("/api/trunks/" + id, superadmin);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.string("trunk.name")).isEqualTo(name);

        Response updated = api.put("/api/trunks/" + id, Map.of("transport", "tls", "codecs", List.of("OPUS", "PCMU"),
                "maxChannels", 60, "status", "inactive", "proxy", "10.0.0.5:5061"), superadmin);
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("message")).isEqualTo("Trunk updated");
        assertThat(updated.string("trunk.transport")).isEqualTo("tls");
        assertThat(updated.at("trunk.codecs")).isEqualTo(List.of("OPUS", "PCMU"));
        assertThat(updated.at("trunk.max_channels")).isEqualTo(60);
        assertThat(updated.string("trunk.status")).isEqualTo("inactive");
        assertThat(updated.string("trunk.proxy")).isEqualTo("10.0.0.5:5061");
        assertThat(updated.string("trunk.name")).isEqualTo(name);

        Response deleted = api.delete("/api/trunks/" + id, superadmin);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.string("message")).isEqualTo("Trunk deleted");
        assertThat(api.get("/api/trunks/" + id, superadmin).status()).isEqualTo(404);
    }

    @Test
    void aTenantTrunkListsItsTenant() {
        TenantFixture acme = platform.tenant();
        Map<String, Object> body = trunkBody(uniqueName());
        body.put("tenantId", acme.id());

        Response created = api.post("/api/trunks", body, superadmin);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("trunk.tenant_id")).isEqualTo(acme.id());

        Map<String, Object> row = api.get("/api/trunks", superadmin).list("trunks").stream()
                .filter(t -> t.get("id").equals(created.string("trunk.id"))).findFirst().orElseThrow();
        assertThat(row.get("tenants")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("subdomain", acme.subdomain())
                .containsEntry("company_name", "Company " + acme.subdomain());
    }

    @Test
    void anUnknownTenantIsAValidationError() {
        Map<String, Object> body = trunkBody(uniqueName());
        body.put("tenantId", UUID.randomUUID().toString());

        Response refused = api.post("/api/trunks", body, superadmin);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("tenantId");
    }

    @Test
    void theGatewayIsUpOnTheSimulatedSwitchAfterCreateAndSync() {
        String id = create(uniqueName()).string("trunk.id");

        Response synced = api.post("/api/trunks/" + id + "/sync", Map.of(), superadmin);

        assertThat(synced.status()).as(synced.text()).isEqualTo(200);
        assertThat(synced.string("message")).isNotBlank();
        assertThat(synced.string("gatewayStatus.status")).isEqualTo("UP");
        assertThat(api.get("/api/trunks/" + id, superadmin).string("trunk.gatewayStatus.status")).isEqualTo("UP");
    }

    @Test
    void anInactiveTrunksGatewayIsNotLoaded() {
        Map<String, Object> body = trunkBody(uniqueName());
        body.put("status", "inactive");
        String id = api.post("/api/trunks", body, superadmin).string("trunk.id");

        Response synced = api.post("/api/trunks/" + id + "/sync", Map.of(), superadmin);

        assertThat(synced.string("gatewayStatus.state")).isEqualTo("NOT_LOADED");
    }

    @Test
    void aDuplicateNameIsRefused() {
        String name = uniqueName();
        create(name);

        Response duplicate = api.post("/api/trunks", trunkBody(name), superadmin);

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE");
        assertThat(duplicate.string("error")).contains(name);
    }

    @Test
    void badFieldsAreValidationErrorsNamingTheField() {
        assertInvalid(Map.of("proxy", "sip.example"), "name");
        assertInvalid(Map.of("name", uniqueName()), "proxy");
        assertInvalid(Map.of("name", uniqueName(), "proxy", "not a host"), "proxy");
        assertInvalid(Map.of("name", uniqueName(), "proxy", "sip.example:70000"), "proxy");
        assertInvalid(Map.of("name", uniqueName(), "proxy", "sip.example", "transport", "sctp"), "transport");
        assertInvalid(Map.of("name", uniqueName(), "proxy", "sip.example", "codecs", List.of("PCMU", "bad codec")),
                "codecs");
        assertInvalid(Map.of("name", uniqueName(), "proxy", "sip.example", "register", false, "maxChannels", 0),
                "maxChannels");
        assertInvalid(Map.of("name", uniqueName(), "proxy", "sip.example", "register", false, "maxChannels", 10_001),
                "maxChannels");
        assertInvalid(Map.of("name", uniqueName(), "proxy", "sip.example", "register", false, "status", "paused"),
                "status");
        assertInvalid(Map.of("name", "x".repeat(101), "proxy", "sip.example"), "name");
        assertInvalid(Map.of("name", uniqueName(), "proxy", "sip.example", "register", true), "username");
    }

    @Test
    void aTrunkThatDoesNotRegisterNeedsNoCredentials() {
        Response created = api.post("/api/trunks", Map.of("name", uniqueName(), "proxy", "203.0.113.10",
                "register", false), superadmin);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.object("trunk")).containsEntry("password", null).containsEntry("username", null);
    }

    @Test
    void anUnknownTrunkIsNotFound() {
        String unknown = UUID.randomUUID().toString();

        assertThat(api.get("/api/trunks/" + unknown, superadmin).status()).isEqualTo(404);
        assertThat(api.put("/api/trunks/" + unknown, Map.of("provider", "x"), superadmin).status()).isEqualTo(404);
        assertThat(api.delete("/api/trunks/" + unknown, superadmin).status()).isEqualTo(404);
        assertThat(api.post("/api/trunks/" + unknown + "/sync", Map.of(), superadmin).status()).isEqualTo(404);
    }

    @Test
    void tenantAdminsReadonlyAndUserKeysAreRefusedOnEveryRoute() {
        TenantFixture acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        String id = create(uniqueName()).string("trunk.id");
        List<Credential> refused = List.of(acme.admin(), platform.apiKey(acme, "admin", List.of(), null),
                platform.apiKey(acme, "readonly", List.of(), null), platform.apiKey(acme, "user", List.of(), "1001"));

        for (Credential credential : refused) {
            assertThat(api.get("/api/trunks", credential).status()).isEqualTo(403);
            assertThat(api.get("/api/trunks/" + id, credential).status()).isEqualTo(403);
            assertThat(api.post("/api/trunks", trunkBody(uniqueName()), credential).status()).isEqualTo(403);
            assertThat(api.put("/api/trunks/" + id, Map.of("provider", "x"), credential).status()).isEqualTo(403);
            assertThat(api.delete("/api/trunks/" + id, credential).status()).isEqualTo(403);
            assertThat(api.post("/api/trunks/" + id + "/sync", Map.of(), credential).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/trunks/" + id, superadmin).status()).isEqualTo(200);
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        Response refused = api.post("/api/trunks", body, superadmin);
        assertThat(refused.status()).as(body + " -> " + refused.text()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.string("details.0.field")).as(refused.text()).isEqualTo(field);
    }

    private static Response create(String name) {
        Response created = api.post("/api/trunks", trunkBody(name), superadmin);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    private static Map<String, Object> trunkBody(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("provider", "Carrier");
        body.put("proxy", "sip.carrier.example:5060");
        body.put("username", "acme");
        body.put("password", "carrier-secret-1");
        return body;
    }

    private static String uniqueName() {
        return "trunk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String storedPassword(String id) throws Exception {
        var db = api.database();
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var statement = connection.prepareStatement("SELECT password_enc FROM sip_trunks WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
