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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class DidEndpointsTest {

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
        platform.extension(acme, "1001", "did-test-password");
    }

    @Test
    void createNormalisesTheNumberAndAnswersTheDidInSnakeCase() {
        Response created = api.post("/api/dids", Map.of("number", "+1 (555) 010-2000", "inboundRoute", "extension",
                "routeTarget", "1001"), acme.admin());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("did.number")).isEqualTo("+15550102000");
        assertThat(created.string("did.inbound_route")).isEqualTo("extension");
        assertThat(created.string("did.route_target")).isEqualTo("1001");
        assertThat(created.string("did.tenant_id")).isEqualTo(acme.id());
        assertThat(created.at("did.schedule_id")).isNull();
        assertThat(created.at("did.emergency_caller_id")).isEqualTo(false);
        assertThat(created.string("did.status")).isEqualTo("active");
        assertThat(created.string("did.created_at")).endsWith("Z");
    }

    @Test
    void aDidGoesThroughReadUpdateAndDelete() {
        String id = did(acme, "ai_agent", "sales-bot").string("did.id");

        Response updated = api.put("/api/dids/" + id, Map.of("inboundRoute", "conference", "routeTarget", "board-room",
                "emergencyCallerId", true, "status", "inactive"), acme.admin());
        Response fetched = api.get("/api/dids/" + id, acme.admin());
        Response listed = api.get("/api/dids", acme.admin());
        Response deleted = api.delete("/api/dids/" + id, acme.admin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("message")).isEqualTo("DID updated");
        assertThat(fetched.string("did.inbound_route")).isEqualTo("conference");
        assertThat(fetched.string("did.route_target")).isEqualTo("board-room");
        assertThat(fetched.at("did.emergency_caller_id")).isEqualTo(true);
        assertThat(fetched.string("did.status")).isEqualTo("inactive");
        assertThat(listed.list("dids")).extracting(d -> d.get("id")).contains(id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.string("message")).isEqualTo("DID deleted");
        assertThat(api.get("/api/dids/" + id, acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void aPartialUpdateKeepsTheFieldsItLeavesOut() {
        String id = did(acme, "whatsapp", "+15550109999").string("did.id");

        api.put("/api/dids/" + id, Map.of("emergencyCallerId", true), acme.admin());
        Response fetched = api.get("/api/dids/" + id, acme.admin());

        assertThat(fetched.string("did.inbound_route")).isEqualTo("whatsapp");
        assertThat(fetched.string("did.route_target")).isEqualTo("+15550109999");
        assertThat(fetched.at("did.emergency_caller_id")).isEqualTo(true);
    }

    @Test
    void aNumberHeldByAnotherTenantIsRefusedAsAlreadyAssigned() {
        String number = uniqueNumber();
        assertThat(api.post("/api/dids", Map.of("number", number, "inboundRoute", "external",
                "routeTarget", "+442071234567"), acme.admin()).status()).isEqualTo(201);

        Response taken = api.post("/api/dids", Map.of("number", number, "inboundRoute", "external",
                "routeTarget", "+442071234567"), globex.admin());

        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.string("code")).isEqualTo("DUPLICATE");
        assertThat(taken.string("error")).contains(number).contains("is already assigned");
    }

    @Test
    void anUnknownRouteIsAValidationErrorNamingTheField() {
        Response invalid = api.post("/api/dids", Map.of("number", uniqueNumber(), "inboundRoute", "fax",
                "routeTarget", "x"), acme.admin());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.string("details.0.field")).isEqualTo("inboundRoute");
    }

    @Test
    void aMissingRouteIsAValidationError() {
        Response invalid = api.post("/api/dids", Map.of("number", uniqueNumber()), acme.admin());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.string("details.0.field")).isEqualTo("inboundRoute");
    }

    @Test
    void aNumberThatCannotBeAPhoneNumberIsRefused() {
        Response invalid = api.post("/api/dids", Map.of("number", "hello", "inboundRoute", "extension",
                "routeTarget", "1001"), acme.admin());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.string("details.0.field")).isEqualTo("number");
    }

    @Test
    void anUnknownExtensionTargetIsRefused() {
        Response invalid = api.post("/api/dids", Map.of("number", uniqueNumber(), "inboundRoute", "extension",
                "routeTarget", "4999"), acme.admin());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.string("details.0.field")).isEqualTo("routeTarget");
    }

    @Test
    void aBadStatusIsRefused() {
        Map<String, Object> body = body("extension", "1001");
        body.put("status", "paused");

        Response invalid = api.post("/api/dids", body, acme.admin());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.string("details.0.field")).isEqualTo("status");
    }

    @Test
    void aScheduleOfTheTenantIsFollowed() {
        String schedule = schedule(acme);
        Map<String, Object> body = body("extension", "1001");
        body.put("scheduleId", schedule);

        Response created = api.post("/api/dids", body, acme.admin());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("did.schedule_id")).isEqualTo(schedule);
    }

    @Test
    void anotherTenantsScheduleIsRefusedLikeAnUnknownOne() {
        String globexSchedule = schedule(globex);
        Map<String, Object> foreign = body("extension", "1001");
        foreign.put("scheduleId", globexSchedule);
        Map<String, Object> unknown = body("extension", "1001");
        unknown.put("scheduleId", UUID.randomUUID().toString());

        Response refusedForeign = api.post("/api/dids", foreign, acme.admin());
        Response refusedUnknown = api.post("/api/dids", unknown, acme.admin());

        for (Response refused : List.of(refusedForeign, refusedUnknown)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.string("code")).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.string("details.0.field")).isEqualTo("scheduleId");
        }
        assertThat(refusedForeign.string("details.0.message").replace(globexSchedule, "<id>"))
                .isEqualTo(refusedUnknown.string("details.0.message").replace(unknown.get("scheduleId").toString(),
                        "<id>"));
    }

    @Test
    void anotherTenantsDidIsNotFound() {
        String id = did(acme, "ai_agent", "bot").string("did.id");

        assertThat(api.get("/api/dids/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.put("/api/dids/" + id, Map.of("status", "inactive"), globex.admin()).status()).isEqualTo(404);
        assertThat(api.delete("/api/dids/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/dids", globex.admin()).list("dids")).extracting(d -> d.get("id"))
                .doesNotContain(id);
    }

    @Test
    void aReadonlyKeyMayReadButNotWrite() {
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);
        String id = did(acme, "ai_agent", "bot").string("did.id");

        assertThat(api.get("/api/dids", readonly).status()).isEqualTo(200);
        assertThat(api.get("/api/dids/" + id, readonly).status()).isEqualTo(200);
        assertThat(api.post("/api/dids", body("ai_agent", "bot"), readonly).status()).isEqualTo(403);
        assertThat(api.put("/api/dids/" + id, Map.of("status", "inactive"), readonly).status()).isEqualTo(403);
        assertThat(api.delete("/api/dids/" + id, readonly).status()).isEqualTo(403);
    }

    @Test
    void anExtensionUserIsForbidden() {
        platform.extension(acme, "1002", "user-password-1");
        Credential user = platform.extensionUser(acme, "1002", "user-password-1");
        Credential userKey = platform.apiKey(acme, "user", List.of(), "1002");

        for (Credential credential : List.of(user, userKey)) {
            assertThat(api.get("/api/dids", credential).status()).isEqualTo(403);
            assertThat(api.post("/api/dids", body("ai_agent", "bot"), credential).status()).isEqualTo(403);
        }
    }

    @Test
    void aSuperadminCreatesInTheNamedTenantAndListsEveryTenant() {
        Response noTenant = api.post("/api/dids", body("ai_agent", "bot"), platform.superadmin());
        Response created = api.post("/api/dids", body("ai_agent", "bot"), platform.superadmin().inTenant(globex.id()));
        Response everything = api.get("/api/dids", platform.superadmin());

        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.string("code")).isEqualTo("TENANT_REQUIRED");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("did.tenant_id")).isEqualTo(globex.id());
        Map<String, Object> listed = everything.list("dids").stream()
                .filter(d -> d.get("id").equals(created.string("did.id"))).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) listed.get("tenants")).get("id")).isEqualTo(globex.id());
    }

    @Test
    void changingToANumberAlreadyAssignedIsRefused() {
        String taken = did(globex, "ai_agent", "bot").string("did.number");
        String id = did(acme, "ai_agent", "bot").string("did.id");

        Response refused = api.put("/api/dids/" + id, Map.of("number", taken), acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("DUPLICATE");
    }

    @Test
    void aNewRouteWithoutANewTargetRechecksTheCurrentTarget() {
        String id = did(acme, "extension", "1001").string("did.id");

        Response refused = api.put("/api/dids/" + id, Map.of("inboundRoute", "voicemail"), acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("routeTarget");
        assertThat(refused.string("details.0.message")).contains("voicemail");
    }

    @Test
    void aNullScheduleIdRemovesTheSchedule() {
        Map<String, Object> body = body("extension", "1001");
        body.put("scheduleId", schedule(acme));
        String id = api.post("/api/dids", body, acme.admin()).string("did.id");
        Map<String, Object> changes = new HashMap<>();
        changes.put("scheduleId", null);

        Response updated = api.put("/api/dids/" + id, changes, acme.admin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.at("did.schedule_id")).isNull();
    }

    @Test
    void everyWriteIsAudited() {
        String id = did(acme, "ai_agent", "audited-bot").string("did.id");
        api.put("/api/dids/" + id, Map.of("status", "inactive"), acme.admin());
        api.delete("/api/dids/" + id, acme.admin());

        Response log = api.get("/api/audit-log?resource=did", acme.admin());

        assertThat(log.list("entries")).filteredOn(e -> id.equals(e.get("resource_id")))
                .extracting(e -> e.get("action")).containsExactlyInAnyOrder("create", "update", "delete");
    }

    @Test
    void deletingATenantTakesItsDidsAndSchedulesWithIt() {
        TenantFixture doomed = platform.tenant();
        Map<String, Object> body = body("ai_agent", "bot");
        body.put("scheduleId", schedule(doomed));
        String number = body.get("number").toString();
        assertThat(api.post("/api/dids", body, doomed.admin()).status()).isEqualTo(201);

        Response deleted = api.delete("/api/tenants/" + doomed.id(), platform.superadmin());

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        Response reused = api.post("/api/dids", Map.of("number", number, "inboundRoute", "ai_agent",
                "routeTarget", "bot"), acme.admin());
        assertThat(reused.status()).as(reused.text()).isEqualTo(201);
    }

    private Response did(TenantFixture tenant, String route, String target) {
        Response created = api.post("/api/dids", body(route, target), tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    private static Map<String, Object> body(String route, String target) {
        Map<String, Object> body = new HashMap<>();
        body.put("number", uniqueNumber());
        body.put("inboundRoute", route);
        body.put("routeTarget", target);
        return body;
    }

    private String schedule(TenantFixture tenant) {
        Response created = api.post("/api/schedules", Map.of("name", "Hours " + UUID.randomUUID(),
                "timezone", "America/Chicago"), tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("schedule.id");
    }

    /** DIDs are unique on the whole platform, and the server is shared: every test takes its own number. */
    private static String uniqueNumber() {
        return "+1555" + ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999);
    }
}
