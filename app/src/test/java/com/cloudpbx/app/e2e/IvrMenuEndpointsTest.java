package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class IvrMenuEndpointsTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
    }

    @Test
    void createReturnsTheMenuInSnakeCaseWithItsDefaults() {
        Response created = api.post("/api/ivr-menus", Map.of("name", "Main " + suffix(), "greeting",
                "Welcome to Acme", "options", List.of(Map.of("digit", "1", "action", "extension", "target", "1001"),
                        Map.of("digit", "#", "action", "hangup"))), acme.admin());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("ivrMenu.id")).isNotBlank();
        assertThat(created.string("ivrMenu.tenant_id")).isEqualTo(acme.id());
        assertThat(created.string("ivrMenu.greeting")).isEqualTo("Welcome to Acme");
        assertThat(created.at("ivrMenu.timeout_seconds")).isEqualTo(5);
        assertThat(created.at("ivrMenu.max_retries")).isEqualTo(3);
        assertThat(created.string("ivrMenu.timeout_action")).isEqualTo("hangup");
        assertThat(created.at("ivrMenu.timeout_target")).isNull();
        assertThat(created.list("ivrMenu.options")).containsExactly(
                option("1", "extension", "1001"), option("#", "hangup", null));
        assertThat(created.string("ivrMenu.created_at")).isNotBlank();
        assertThat(created.string("ivrMenu.updated_at")).isNotBlank();
    }

    @Test
    void aMenuIsReadBackByIdAndListed() {
        String id = menu("Listed " + suffix()).string("ivrMenu.id");

        Response got = api.get("/api/ivr-menus/" + id, acme.admin());
        Response listed = api.get("/api/ivr-menus", acme.admin());

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.string("ivrMenu.id")).isEqualTo(id);
        assertThat(listed.list("ivrMenus")).extracting(m -> m.get("id")).contains(id);
    }

    @Test
    void aRecordingGreetingIsStoredInItsCanonicalForm() {
        UUID recording = UUID.randomUUID();

        Response created = api.post("/api/ivr-menus", Map.of("name", "Recorded " + suffix(),
                "greeting", "recording:" + recording.toString().toUpperCase()), acme.admin());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("ivrMenu.greeting")).isEqualTo("recording:" + recording);
    }

    @Test
    void anOptionMayNameAnotherMenuByNameAndIsStoredByItsId() {
        String name = "Sub " + suffix();
        String sub = menu(name).string("ivrMenu.id");

        Response parent = api.post("/api/ivr-menus", Map.of("name", "Parent " + suffix(), "greeting", "Hello",
                "options", List.of(Map.of("digit", "9", "action", "ivr", "target", name))), acme.admin());

        assertThat(parent.status()).as(parent.text()).isEqualTo(201);
        assertThat(parent.string("ivrMenu.options.0.target")).isEqualTo(sub);
    }

    @Test
    void aMenuStillNamedByAnotherCannotBeDeleted() {
        String sub = menu("Nested " + suffix()).string("ivrMenu.id");
        String parentName = "Holder " + suffix();
        api.post("/api/ivr-menus", Map.of("name", parentName, "greeting", "Hello",
                "options", List.of(Map.of("digit", "2", "action", "ivr", "target", sub))), acme.admin());

        Response refused = api.delete("/api/ivr-menus/" + sub, acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("IN_USE");
        assertThat(refused.string("error")).contains(parentName).contains("option 2");
    }

    @Test
    void anUpdateReplacesTheOptionsWhenSentAndKeepsThemOtherwise() {
        String id = api.post("/api/ivr-menus", Map.of("name", "Changing " + suffix(), "greeting", "Hi",
                "options", List.of(Map.of("digit", "1", "action", "extension", "target", "1001"))), acme.admin())
                .string("ivrMenu.id");

        Response renamed = api.put("/api/ivr-menus/" + id, Map.of("timeoutSeconds", 12, "timeoutAction",
                "external", "timeoutTarget", "+15551234567"),
                acme.admin());
        Response replaced = api.put("/api/ivr-menus/" + id, Map.of("options",
                List.of(Map.of("digit", "0", "action", "conference", "target", "lobby"))), acme.admin());

        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.string("message")).isEqualTo("IVR menu updated");
        assertThat(renamed.at("ivrMenu.timeout_seconds")).isEqualTo(12);
        assertThat(renamed.string("ivrMenu.timeout_target")).isEqualTo("+15551234567");
        assertThat(renamed.list("ivrMenu.options")).hasSize(1);
        assertThat(replaced.list("ivrMenu.options")).containsExactly(
                Map.of("digit", "0", "action", "conference", "target", "lobby"));
        assertThat(replaced.string("ivrMenu.timeout_action")).isEqualTo("external");
    }

    @Test
    void deleteRemovesTheMenu() {
        String id = menu("Doomed " + suffix()).string("ivrMenu.id");

        Response deleted = api.delete("/api/ivr-menus/" + id, acme.admin());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.string("message")).isEqualTo("IVR menu deleted");
        assertThat(api.get("/api/ivr-menus/" + id, acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void aDuplicateNameIsRefused() {
        String name = "Twice " + suffix();
        menu(name);

        Response duplicate = api.post("/api/ivr-menus", Map.of("name", name, "greeting", "Again"), acme.admin());

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE");
        assertThat(duplicate.string("error")).contains(name);
    }

    @Test
    void badInputIsAValidationErrorNamingTheField() {
        assertInvalid(Map.of("greeting", "Hi"), "name");
        assertInvalid(Map.of("name", "x".repeat(101), "greeting", "Hi"), "name");
        assertInvalid(Map.of("name", "No greeting " + suffix()), "greeting");
        assertInvalid(Map.of("name", "Long " + suffix(), "greeting", "x".repeat(1001)), "greeting");
        assertInvalid(Map.of("name", "Rec " + suffix(), "greeting", "recording:not-a-uuid"), "greeting");
        assertInvalid(Map.of("name", "T " + suffix(), "greeting", "Hi", "timeoutSeconds", 61), "timeoutSeconds");
        assertInvalid(Map.of("name", "R " + suffix(), "greeting", "Hi", "maxRetries", 11), "maxRetries");
        assertInvalid(Map.of("name", "D " + suffix(), "greeting", "Hi",
                "options", List.of(Map.of("digit", "12", "action", "hangup"))), "options[0].digit");
        assertInvalid(Map.of("name", "DD " + suffix(), "greeting", "Hi", "options", List.of(
                Map.of("digit", "1", "action", "hangup"), Map.of("digit", "1", "action", "hangup"))),
                "options[1].digit");
        assertInvalid(Map.of("name", "A " + suffix(), "greeting", "Hi",
                "options", List.of(Map.of("digit", "1", "action", "ai_agent", "target", "bot"))), "options[0].action");
        assertInvalid(Map.of("name", "E " + suffix(), "greeting", "Hi",
                "options", List.of(Map.of("digit", "1", "action", "extension", "target", "9999"))), "options[0].target");
        assertInvalid(Map.of("name", "V " + suffix(), "greeting", "Hi",
                "options", List.of(Map.of("digit", "1", "action", "voicemail", "target", "1001"))), "options[0].target");
        assertInvalid(Map.of("name", "Q " + suffix(), "greeting", "Hi",
                "options", List.of(Map.of("digit", "1", "action", "queue", "target", "No such queue"))),
                "options[0].target");
        assertInvalid(Map.of("name", "X " + suffix(), "greeting", "Hi", "timeoutAction", "external",
                "timeoutTarget", "not a number"), "timeoutTarget");
    }

    @Test
    void anotherTenantsMenuIsNotFound() {
        TenantFixture globex = platform.tenant();
        String theirs = api.post("/api/ivr-menus", Map.of("name", "Theirs", "greeting", "Hi"), globex.admin())
                .string("ivrMenu.id");

        assertThat(api.get("/api/ivr-menus/" + theirs, acme.admin()).status()).isEqualTo(404);
        assertThat(api.put("/api/ivr-menus/" + theirs, Map.of("name", "Mine"), acme.admin()).status()).isEqualTo(404);
        assertThat(api.delete("/api/ivr-menus/" + theirs, acme.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/ivr-menus", acme.admin()).list("ivrMenus")).extracting(m -> m.get("id"))
                .doesNotContain(theirs);
    }

    @Test
    void aReadonlyKeyMayReadButNotWrite() {
        String id = menu("Readable " + suffix()).string("ivrMenu.id");
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        assertThat(api.get("/api/ivr-menus", readonly).status()).isEqualTo(200);
        assertThat(api.get("/api/ivr-menus/" + id, readonly).status()).isEqualTo(200);
        assertThat(api.post("/api/ivr-menus", Map.of("name", "Nope", "greeting", "Hi"), readonly).status())
                .isEqualTo(403);
        assertThat(api.put("/api/ivr-menus/" + id, Map.of("name", "Nope"), readonly).status()).isEqualTo(403);
        assertThat(api.delete("/api/ivr-menus/" + id, readonly).status()).isEqualTo(403);
    }

    @Test
    void anExtensionUserMayNeitherReadNorWrite() {
        String id = menu("Hidden " + suffix()).string("ivrMenu.id");
        Credential user = platform.apiKey(acme, "user", List.of(), "1001");

        assertThat(api.get("/api/ivr-menus", user).status()).isEqualTo(403);
        assertThat(api.get("/api/ivr-menus/" + id, user).status()).isEqualTo(403);
        assertThat(api.post("/api/ivr-menus", Map.of("name", "Nope", "greeting", "Hi"), user).status()).isEqualTo(403);
    }

    @Test
    void aSuperadminActsInTheTenantItNames() {
        Credential superadmin = platform.superadmin();

        Response created = api.post("/api/ivr-menus", Map.of("name", "Platform " + suffix(), "greeting", "Hi"),
                superadmin.inTenant(acme.id()));
        Response withoutTenant = api.post("/api/ivr-menus", Map.of("name", "Nowhere", "greeting", "Hi"), superadmin);
        Response everywhere = api.get("/api/ivr-menus", superadmin);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("ivrMenu.tenant_id")).isEqualTo(acme.id());
        assertThat(withoutTenant.status()).isEqualTo(400);
        assertThat(withoutTenant.string("code")).isEqualTo("TENANT_REQUIRED");
        Map<String, Object> listed = everywhere.list("ivrMenus").stream()
                .filter(m -> m.get("id").equals(created.string("ivrMenu.id"))).findFirst().orElseThrow();
        assertThat(listed.get("tenants")).isInstanceOfSatisfying(Map.class,
                tenant -> assertThat(tenant.get("id")).isEqualTo(acme.id()));
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        Response refused = api.post("/api/ivr-menus", body, acme.admin());
        assertThat(refused.status()).as(body + " -> " + refused.text()).isEqualTo(400);
        assertThat(refused.string("code")).as(refused.text()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.string("details.0.field")).as(refused.text()).isEqualTo(field);
    }

    private static Response menu(String name) {
        Response created = api.post("/api/ivr-menus", Map.of("name", name, "greeting", "Hello"), acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    private static Map<String, Object> option(String digit, String action, String target) {
        Map<String, Object> option = new HashMap<>();
        option.put("digit", digit);
        option.put("action", action);
        option.put("target", target);
        return option;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
