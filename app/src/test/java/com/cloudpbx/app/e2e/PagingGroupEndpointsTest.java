package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paging groups, and pages on the simulated switch: an extension ending in 480 never answers there
 * (it counts as offline), and one in do-not-disturb is not rung at all.
 */
@ExtendWith(SharedApiServer.class)
class PagingGroupEndpointsTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        for (String number : List.of("4001", "4002", "4003", "4004", "4480")) {
            platform.extension(acme, number, "paging-pass-" + number);
        }
        String dnd = api.get("/api/extensions", acme.admin()).list("extensions").stream()
                .filter(e -> "4004".equals(e.get("extension"))).findFirst().orElseThrow().get("id").toString();
        assertThat(api.put("/api/extensions/" + dnd, Map.of("doNotDisturb", true), acme.admin()).status())
                .isEqualTo(200);
    }

    @AfterEach
    void hangUpEveryCall() {
        for (Map<String, Object> leg : api.get("/api/calls/active", acme.admin()).list("activeCalls")) {
            api.post("/api/calls/" + leg.get("uuid") + "/hangup", null, acme.admin());
        }
        Eventually.value(() -> api.get("/api/calls/active", acme.admin()).list("activeCalls").isEmpty()
                ? Optional.of(true) : Optional.empty());
    }

    @Test
    void everyFieldRoundTripsInSnakeCaseWithMembersInTheOrderSent() {
        Response created = api.post("/api/paging-groups", Map.of("name", "All Employees",
                "description", "Emergency broadcast", "extensionCode", "*801",
                "members", List.of(Map.of("extension", "4002"), Map.of("extension", "4001"))), acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        Response got = api.get("/api/paging-groups/" + created.string("pagingGroup.id"), acme.admin());

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.object("pagingGroup")).isEqualTo(created.object("pagingGroup"));
        assertThat(got.string("pagingGroup.tenant_id")).isEqualTo(acme.id());
        assertThat(got.string("pagingGroup.name")).isEqualTo("All Employees");
        assertThat(got.string("pagingGroup.description")).isEqualTo("Emergency broadcast");
        assertThat(got.string("pagingGroup.extension_code")).isEqualTo("*801");
        assertThat(got.list("pagingGroup.members")).containsExactly(Map.of("extension", "4002"),
                Map.of("extension", "4001"));
        assertThat(got.string("pagingGroup.created_at")).isNotBlank();
        assertThat(api.get("/api/paging-groups", acme.admin()).list("pagingGroups"))
                .extracting(g -> g.get("name")).contains("All Employees");
    }

    @Test
    void anUpdateChangesTheFieldsSentAndMembersReplaceTheList() {
        String id = create("Support floor", "*802", "4001", "4002");

        Response updated = api.put("/api/paging-groups/" + id, Map.of("extensionCode", "*812",
                "members", List.of(Map.of("extension", "4003"))), acme.admin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("message")).isEqualTo("Paging group updated");
        assertThat(updated.string("pagingGroup.name")).isEqualTo("Support floor");
        assertThat(updated.string("pagingGroup.extension_code")).isEqualTo("*812");
        assertThat(updated.list("pagingGroup.members")).containsExactly(Map.of("extension", "4003"));
        assertThat(api.get("/api/paging-groups/" + id, acme.admin()).object("pagingGroup"))
                .isEqualTo(updated.object("pagingGroup"));
    }

    @Test
    void aDeletedGroupIsGone() {
        String id = create("Doomed", "*803");

        Response deleted = api.delete("/api/paging-groups/" + id, acme.admin());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.string("message")).isEqualTo("Paging group deleted");
        assertThat(api.get("/api/paging-groups/" + id, acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void aDuplicateNameOrExtensionCodeIsRefused() {
        create("Warehouse", "*804");

        Response sameName = api.post("/api/paging-groups", Map.of("name", "Warehouse", "extensionCode", "*805"),
                acme.admin());
        Response sameCode = api.post("/api/paging-groups", Map.of("name", "Loading dock", "extensionCode", "*804"),
                acme.admin());

        assertThat(sameName.status()).isEqualTo(400);
        assertThat(sameName.string("code")).isEqualTo("DUPLICATE");
        assertThat(sameCode.status()).isEqualTo(400);
        assertThat(sameCode.string("code")).isEqualTo("DUPLICATE");
        assertThat(sameCode.string("error")).contains("*804", "Warehouse");
    }

    @Test
    void invalidFieldsAreValidationErrorsNamingTheField() {
        Map<String, Map<String, Object>> cases = Map.of(
                "extensionCode", Map.of("name", "Bad code", "extensionCode", "801"),
                "name", Map.of("extensionCode", "*806"),
                "members[0].extension", Map.of("name", "Unknown", "extensionCode", "*807",
                        "members", List.of(Map.of("extension", "4999"))),
                "members[1].extension", Map.of("name", "Twice", "extensionCode", "*808",
                        "members", List.of(Map.of("extension", "4001"), Map.of("extension", "4001"))));
        cases.forEach((field, body) -> {
            Response invalid = api.post("/api/paging-groups", body, acme.admin());
            assertThat(invalid.status()).as(field + ": " + invalid.text()).isEqualTo(400);
            assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
            assertThat(invalid.string("details.0.field")).isEqualTo(field);
        });
        assertThat(api.post("/api/paging-groups", Map.of("name", "Long code", "extensionCode", "*1234567"),
                acme.admin()).status()).isEqualTo(400);
    }

    @Test
    void anotherTenantsGroupIsNotFound() {
        String id = create("Private", "*809");
        TenantFixture globex = platform.tenant();

        assertThat(api.get("/api/paging-groups/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.put("/api/paging-groups/" + id, Map.of("name", "Taken"), globex.admin()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/paging-groups/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.post("/api/paging-groups/" + id + "/broadcast", Map.of("callerExtension", "4001"),
                globex.admin()).status()).isEqualTo(404);
    }

    @Test
    void aReadonlyKeyMayReadButNeitherWriteNorPage() {
        String id = create("Readable", "*810", "4002");
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        assertThat(api.get("/api/paging-groups", readonly).status()).isEqualTo(200);
        assertThat(api.get("/api/paging-groups/" + id, readonly).status()).isEqualTo(200);
        assertThat(api.post("/api/paging-groups", Map.of("name", "No", "extensionCode", "*9"), readonly).status())
                .isEqualTo(403);
        assertThat(api.put("/api/paging-groups/" + id, Map.of("name", "No"), readonly).status()).isEqualTo(403);
        assertThat(api.delete("/api/paging-groups/" + id, readonly).status()).isEqualTo(403);
        assertThat(api.post("/api/paging-groups/" + id + "/broadcast", Map.of("callerExtension", "4001"), readonly)
                .status()).isEqualTo(403);
    }

    @Test
    void anExtensionUserIsForbidden() {
        Credential user = platform.extensionUser(acme, "4002", "paging-pass-4002");

        assertThat(api.get("/api/paging-groups", user).status()).isEqualTo(403);
        assertThat(api.post("/api/paging-groups", Map.of("name", "Mine", "extensionCode", "*9"), user).status())
                .isEqualTo(403);
    }

    @Test
    void aSuperadminCreatesInTheTenantItNamesAndListsEveryTenant() {
        Credential superadmin = platform.superadmin();

        Response withoutTenant = api.post("/api/paging-groups", Map.of("name", "Nowhere", "extensionCode", "*1"),
                superadmin);
        Response created = api.post("/api/paging-groups", Map.of("name", "By superadmin", "extensionCode", "*811"),
                superadmin.inTenant(acme.id()));
        Response all = api.get("/api/paging-groups", superadmin);

        assertThat(withoutTenant.status()).isEqualTo(400);
        assertThat(withoutTenant.string("code")).isEqualTo("TENANT_REQUIRED");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("pagingGroup.tenant_id")).isEqualTo(acme.id());
        assertThat(all.list("pagingGroups")).filteredOn(g -> g.get("id").equals(created.string("pagingGroup.id")))
                .singleElement().extracting(g -> ((Map<?, ?>) g.get("tenants")).get("id")).isEqualTo(acme.id());
    }

    @Test
    void aPageReportsOnlineAndOfflineMembersAndPutsTheOnlineOnesMutedInTheCallersRoom() {
        String id = create("Page everyone", "*820", "4002", "4480", "4004");

        Response page = api.post("/api/paging-groups/" + id + "/broadcast", Map.of("callerExtension", "4001"),
                acme.admin());

        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.string("groupName")).isEqualTo("Page everyone");
        assertThat(page.string("jobId")).isNotBlank();
        assertThat(page.at("membersTotal")).isEqualTo(3);
        assertThat(page.at("membersOnline")).isEqualTo(1);
        assertThat(page.at("membersContacted")).isEqualTo(1);
        assertThat(page.list("results")).containsExactly(Map.of("extension", "4002", "status", "online"),
                Map.of("extension", "4480", "status", "offline"), Map.of("extension", "4004", "status", "offline"));
        String conference = page.string("conferenceName");
        Response room = api.get("/api/conferences/" + conference, acme.admin());
        assertThat(room.status()).as(room.text()).isEqualTo(200);
        assertThat(room.list("conference.members")).extracting(m -> m.get("uuid"), m -> m.get("muted"))
                .hasSize(2).contains(org.assertj.core.groups.Tuple.tuple(page.string("jobId"), false));
        assertThat(room.list("conference.members")).filteredOn(m -> !page.string("jobId").equals(m.get("uuid")))
                .singleElement().satisfies(m -> assertThat(m.get("muted")).isEqualTo(true));
        assertThat(api.get("/api/conferences", acme.admin()).list("conferences"))
                .extracting(c -> c.get("name")).contains(conference);
        Eventually.value(() -> api.get("/api/calls/active", acme.admin()).list("activeCalls").stream()
                .noneMatch(leg -> "4480".equals(leg.get("extension"))) ? Optional.of(true) : Optional.empty());
    }

    @Test
    void aPageWithNoMemberOnlineIsRefusedAndLeavesNoCallBehind() {
        String id = create("Nobody home", "*821", "4480", "4004");

        Response page = api.post("/api/paging-groups/" + id + "/broadcast", Map.of("callerExtension", "4001"),
                acme.admin());

        assertThat(page.status()).as(page.text()).isEqualTo(400);
        assertThat(page.string("code")).isEqualTo("NO_MEMBERS_ONLINE");
        assertThat(page.string("error")).isEqualTo("No members are online");
        Eventually.value(() -> api.get("/api/calls/active", acme.admin()).list("activeCalls").isEmpty()
                ? Optional.of(true) : Optional.empty());
    }

    @Test
    void anUnknownCallerExtensionIsRefusedBeforeAnyPhoneRings() {
        String id = create("Unknown caller", "*822", "4002");

        Response page = api.post("/api/paging-groups/" + id + "/broadcast", Map.of("callerExtension", "4999"),
                acme.admin());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.string("details.0.field")).isEqualTo("callerExtension");
        assertThat(api.get("/api/calls/active", acme.admin()).list("activeCalls")).isEmpty();
    }

    private static String create(String name, String code, String... members) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("extensionCode", code);
        body.put("members", java.util.Arrays.stream(members).map(m -> Map.of("extension", m)).toList());
        Response created = api.post("/api/paging-groups", body, acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("pagingGroup.id");
    }
}
