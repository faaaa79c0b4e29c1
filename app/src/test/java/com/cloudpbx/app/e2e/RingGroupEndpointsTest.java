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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class RingGroupEndpointsTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        for (String number : List.of("3001", "3002", "3003", "3004")) {
            platform.extension(acme, number, "ring-group-pass-" + number);
        }
    }

    @Test
    void aGroupCreatedWithOnlyANameTakesTheDefaults() {
        Response created = api.post("/api/ring-groups", Map.of("name", "Defaults"), acme.admin());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("ringGroup.id")).isNotBlank();
        assertThat(created.string("ringGroup.tenant_id")).isEqualTo(acme.id());
        assertThat(created.string("ringGroup.name")).isEqualTo("Defaults");
        assertThat(created.string("ringGroup.strategy")).isEqualTo("simultaneous");
        assertThat(created.at("ringGroup.ring_timeout")).isEqualTo(30);
        assertThat(created.string("ringGroup.no_answer_action")).isEqualTo("hangup");
        assertThat(created.object("ringGroup")).containsEntry("no_answer_target", null);
        assertThat(created.list("ringGroup.members")).isEmpty();
        assertThat(created.string("ringGroup.created_at")).isNotBlank();
        assertThat(created.string("ringGroup.updated_at")).isNotBlank();
    }

    @Test
    void everyFieldRoundTripsInSnakeCaseWithMembersInTheOrderSent() {
        Response created = api.post("/api/ring-groups", Map.of("name", "Support Escalation", "strategy", "sequential",
                "ringTimeout", 15, "noAnswerAction", "extension", "noAnswerTarget", "3004",
                "members", List.of(Map.of("extension", "3002", "priority", 1, "delaySeconds", 0),
                        Map.of("extension", "3001", "priority", 2, "delaySeconds", 5),
                        Map.of("extension", "3003"))), acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        Response got = api.get("/api/ring-groups/" + created.string("ringGroup.id"), acme.admin());

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.object("ringGroup")).isEqualTo(created.object("ringGroup"));
        assertThat(got.string("ringGroup.strategy")).isEqualTo("sequential");
        assertThat(got.at("ringGroup.ring_timeout")).isEqualTo(15);
        assertThat(got.string("ringGroup.no_answer_action")).isEqualTo("extension");
        assertThat(got.string("ringGroup.no_answer_target")).isEqualTo("3004");
        assertThat(got.list("ringGroup.members")).containsExactly(
                Map.of("extension", "3002", "priority", 1, "delay_seconds", 0),
                Map.of("extension", "3001", "priority", 2, "delay_seconds", 5),
                Map.of("extension", "3003", "priority", 1, "delay_seconds", 0));
        assertThat(api.get("/api/ring-groups", acme.admin()).list("ringGroups"))
                .extracting(g -> g.get("name")).contains("Support Escalation");
    }

    @Test
    void anUpdateChangesTheFieldsSentAndMembersReplaceTheList() {
        String id = create(Map.of("name", "Sales", "ringTimeout", 20,
                "members", List.of(Map.of("extension", "3001"), Map.of("extension", "3002"))));

        Response updated = api.put("/api/ring-groups/" + id, Map.of("strategy", "random",
                "members", List.of(Map.of("extension", "3003", "priority", 4))), acme.admin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("message")).isEqualTo("Ring group updated");
        assertThat(updated.string("ringGroup.name")).isEqualTo("Sales");
        assertThat(updated.string("ringGroup.strategy")).isEqualTo("random");
        assertThat(updated.at("ringGroup.ring_timeout")).isEqualTo(20);
        assertThat(updated.list("ringGroup.members")).containsExactly(
                Map.of("extension", "3003", "priority", 4, "delay_seconds", 0));
        assertThat(api.get("/api/ring-groups/" + id, acme.admin()).object("ringGroup"))
                .isEqualTo(updated.object("ringGroup"));
    }

    @Test
    void aDeletedGroupIsGone() {
        String id = create(Map.of("name", "Doomed"));

        Response deleted = api.delete("/api/ring-groups/" + id, acme.admin());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.string("message")).isEqualTo("Ring group deleted");
        assertThat(api.get("/api/ring-groups/" + id, acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void aDuplicateNameIsRefused() {
        create(Map.of("name", "Twice"));

        Response duplicate = api.post("/api/ring-groups", Map.of("name", "Twice"), acme.admin());

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE");
        assertThat(duplicate.string("error")).contains("Twice");
    }

    @Test
    void anUnknownMemberExtensionIsA400NamingIt() {
        Response invalid = api.post("/api/ring-groups", Map.of("name", "Unknown member",
                "members", List.of(Map.of("extension", "3001"), Map.of("extension", "3999"))), acme.admin());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.string("details.0.field")).isEqualTo("members[1].extension");
        assertThat(invalid.string("details.0.message")).contains("3999");
    }

    @Test
    void aMemberListedTwiceIsRefused() {
        Response invalid = api.post("/api/ring-groups", Map.of("name", "Twice listed",
                "members", List.of(Map.of("extension", "3001"), Map.of("extension", "3001"))), acme.admin());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.string("details.0.field")).isEqualTo("members[1].extension");
    }

    @Test
    void outOfRangeAndUnknownValuesAreValidationErrorsNamingTheirField() {
        Map<String, Map<String, Object>> cases = Map.of(
                "ringTimeout", Map.of("name", "Short", "ringTimeout", 4),
                "strategy", Map.of("name", "Odd", "strategy", "round-robin"),
                "noAnswerAction", Map.of("name", "Nowhere", "noAnswerAction", "whatsapp"),
                "noAnswerTarget", Map.of("name", "No target", "noAnswerAction", "voicemail"),
                "members[0].priority", Map.of("name", "Priority", "members",
                        List.of(Map.of("extension", "3001", "priority", 101))),
                "members[0].delaySeconds", Map.of("name", "Delay", "members",
                        List.of(Map.of("extension", "3001", "delaySeconds", -1))),
                "name", Map.of("name", "x".repeat(101)));
        cases.forEach((field, body) -> {
            Response invalid = api.post("/api/ring-groups", body, acme.admin());
            assertThat(invalid.status()).as(field + ": " + invalid.text()).isEqualTo(400);
            assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
            assertThat(invalid.string("details.0.field")).isEqualTo(field);
        });
    }

    @Test
    void anotherRingGroupIsANoAnswerTargetByNameAndCannotBeDeletedWhileItIs() {
        String overflow = create(Map.of("name", "Overflow"));
        Response front = api.post("/api/ring-groups", Map.of("name", "Front desk", "noAnswerAction", "ring_group",
                "noAnswerTarget", "Overflow"), acme.admin());
        assertThat(front.string("ringGroup.no_answer_target")).isEqualTo(overflow);

        Response refused = api.delete("/api/ring-groups/" + overflow, acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("IN_USE");
        assertThat(refused.string("error")).contains("ring group 'Front desk' (no-answer target)");
    }

    @Test
    void deletingAMemberExtensionDropsItFromTheGroup() {
        String extensionId = platform.extension(acme, "3010", "leaving-pass-3010").string("extension.id");
        String id = create(Map.of("name", "Shrinking",
                "members", List.of(Map.of("extension", "3010"), Map.of("extension", "3001"))));

        assertThat(api.delete("/api/extensions/" + extensionId, acme.admin()).status()).isEqualTo(200);

        assertThat(api.get("/api/ring-groups/" + id, acme.admin()).list("ringGroup.members"))
                .extracting(m -> m.get("extension")).containsExactly("3001");
    }

    @Test
    void anotherTenantsGroupIsNotFound() {
        String id = create(Map.of("name", "Private"));
        TenantFixture globex = platform.tenant();

        assertThat(api.get("/api/ring-groups/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.put("/api/ring-groups/" + id, Map.of("name", "Taken"), globex.admin()).status()).isEqualTo(404);
        assertThat(api.delete("/api/ring-groups/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/ring-groups", globex.admin()).list("ringGroups")).isEmpty();
    }

    @Test
    void aReadonlyKeyMayReadButNotWrite() {
        String id = create(Map.of("name", "Readable"));
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        assertThat(api.get("/api/ring-groups", readonly).status()).isEqualTo(200);
        assertThat(api.get("/api/ring-groups/" + id, readonly).status()).isEqualTo(200);
        assertThat(api.post("/api/ring-groups", Map.of("name", "No"), readonly).status()).isEqualTo(403);
        assertThat(api.put("/api/ring-groups/" + id, Map.of("name", "No"), readonly).status()).isEqualTo(403);
        assertThat(api.delete("/api/ring-groups/" + id, readonly).status()).isEqualTo(403);
    }

    @Test
    void anExtensionUserIsForbidden() {
        Credential user = platform.extensionUser(acme, "3002", "ring-group-pass-3002");

        assertThat(api.get("/api/ring-groups", user).status()).isEqualTo(403);
        assertThat(api.post("/api/ring-groups", Map.of("name", "Mine"), user).status()).isEqualTo(403);
    }

    @Test
    void aSuperadminCreatesInTheTenantItNamesAndListsEveryTenant() {
        Credential superadmin = platform.superadmin();

        Response withoutTenant = api.post("/api/ring-groups", Map.of("name", "Nowhere"), superadmin);
        Response created = api.post("/api/ring-groups", Map.of("name", "By superadmin",
                "members", List.of(Map.of("extension", "3001"))), superadmin.inTenant(acme.id()));
        Response all = api.get("/api/ring-groups", superadmin);

        assertThat(withoutTenant.status()).isEqualTo(400);
        assertThat(withoutTenant.string("code")).isEqualTo("TENANT_REQUIRED");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("ringGroup.tenant_id")).isEqualTo(acme.id());
        Map<String, Object> listed = all.list("ringGroups").stream()
                .filter(g -> g.get("id").equals(created.string("ringGroup.id"))).findFirst().orElseThrow();
        assertThat(listed.get("tenants")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("id", acme.id()).containsEntry("subdomain", acme.subdomain());
    }

    private static String create(Map<String, Object> body) {
        Response created = api.post("/api/ring-groups", new HashMap<>(body), acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("ringGroup.id");
    }
}
