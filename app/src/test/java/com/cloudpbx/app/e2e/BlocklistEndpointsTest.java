package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class BlocklistEndpointsTest {

    private static ApiServer api;
    private static Platform platform;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
    }

    @Test
    void crudRoundTripInSnakeCase() {
        TenantFixture acme = platform.tenant();

        Response created = block(acme, Map.of("number", "+17865559999", "reason", "Spam caller",
                "direction", "inbound"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.string("blocked.id");
        assertThat(created.string("blocked.tenant_id")).isEqualTo(acme.id());
        assertThat(created.string("blocked.number")).isEqualTo("+17865559999");
        assertThat(created.string("blocked.reason")).isEqualTo("Spam caller");
        assertThat(created.string("blocked.direction")).isEqualTo("inbound");
        assertThat(created.string("blocked.created_at")).isNotBlank();

        Response listed = api.get("/api/blocklist", acme.admin());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.list("blocked")).extracting(row -> row.get("id")).containsExactly(id);

        Response got = api.get("/api/blocklist/" + id, acme.admin());
        assertThat(got.string("blocked.number")).isEqualTo("+17865559999");

        Response updated = api.put("/api/blocklist/" + id, Map.of("direction", "both"), acme.admin());
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("message")).isNotBlank();
        assertThat(updated.string("blocked.direction")).isEqualTo("both");
        assertThat(updated.string("blocked.reason")).isEqualTo("Spam caller");

        Response deleted = api.delete("/api/blocklist/" + id, acme.admin());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.string("message")).contains("+17865559999");
        assertThat(api.get("/api/blocklist/" + id, acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void directionDefaultsToBothAndReasonToNull() {
        TenantFixture acme = platform.tenant();

        Response created = block(acme, Map.of("number", "+17865558888"));

        assertThat(created.string("blocked.direction")).isEqualTo("both");
        assertThat(created.object("blocked")).containsEntry("reason", null);
    }

    @Test
    void anUpdateWithANullReasonClearsIt() {
        TenantFixture acme = platform.tenant();
        String id = block(acme, Map.of("number", "+17865558888", "reason", "Old")).string("blocked.id");
        Map<String, Object> body = new HashMap<>();
        body.put("reason", null);

        Response updated = api.put("/api/blocklist/" + id, body, acme.admin());

        assertThat(updated.object("blocked")).containsEntry("reason", null);
    }

    @Test
    void aNumberIsStoredNormalisedAndCheckedInAnyWrittenForm() {
        TenantFixture acme = platform.tenant();
        block(acme, Map.of("number", "+1 (786) 555-9999", "direction", "inbound"));

        Response check = check(acme, "+17865559999");

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.at("blocked")).isEqualTo(true);
        assertThat(check.string("entry.number")).isEqualTo("+17865559999");
        assertThat(check(acme, "+1 786 555 9999").at("blocked")).isEqualTo(true);
    }

    @Test
    void aNumberNotBlockedChecksFalseWithANullEntry() {
        TenantFixture acme = platform.tenant();

        Response check = check(acme, "+15551234567");

        assertThat(check.at("blocked")).isEqualTo(false);
        assertThat(check.json()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("entry", null);
    }

    @Test
    void aPrefixBlocksEveryNumberStartingWithIt() {
        TenantFixture acme = platform.tenant();
        block(acme, Map.of("number", "+1900*", "reason", "Premium rate", "direction", "outbound"));

        Response check = check(acme, "+19005551234");

        assertThat(check.at("blocked")).isEqualTo(true);
        assertThat(check.string("entry.number")).isEqualTo("+1900*");
        assertThat(check(acme, "+18005551234").at("blocked")).isEqualTo(false);
    }

    @Test
    void anExactEntryIsReportedBeforeAPrefixThatAlsoMatches() {
        TenantFixture acme = platform.tenant();
        block(acme, Map.of("number", "+1900*"));
        block(acme, Map.of("number", "+19005551234", "reason", "This one"));

        assertThat(check(acme, "+19005551234").string("entry.reason")).isEqualTo("This one");
    }

    @Test
    void anonymousBlocksCallersWithoutACallerId() {
        TenantFixture acme = platform.tenant();
        Response created = block(acme, Map.of("number", "Anonymous", "direction", "inbound"));
        assertThat(created.string("blocked.number")).isEqualTo("anonymous");

        for (String callerId : List.of("anonymous", "Restricted", "UNKNOWN", "private")) {
            Response check = check(acme, callerId);
            assertThat(check.at("blocked")).as(callerId).isEqualTo(true);
            assertThat(check.string("entry.number")).isEqualTo("anonymous");
        }
        assertThat(check(acme, "+15551234567").at("blocked")).isEqualTo(false);
    }

    @Test
    void theSamePatternTwiceIsADuplicate() {
        TenantFixture acme = platform.tenant();
        block(acme, Map.of("number", "+17865559999"));

        Response duplicate = block(acme, Map.of("number", "+1 786-555-9999", "direction", "outbound"));

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE");
        assertThat(duplicate.string("error")).contains("+17865559999").contains("already blocked");
    }

    @Test
    void somethingThatIsNoPatternIsAValidationErrorOnNumber() {
        TenantFixture acme = platform.tenant();

        for (String number : List.of("spam", "1900*", "+*", "")) {
            Response invalid = block(acme, Map.of("number", number));
            assertThat(invalid.status()).as(number).isEqualTo(400);
            assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
            assertThat(invalid.string("details.0.field")).isEqualTo("number");
        }
    }

    @Test
    void anUnknownDirectionIsAValidationErrorOnDirection() {
        TenantFixture acme = platform.tenant();
        Response invalid = block(acme, Map.of("number", "+17865559999", "direction", "sideways"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.string("details.0.field")).isEqualTo("direction");
    }

    @Test
    void theNumberOfAnEntryCannotBeChanged() {
        TenantFixture acme = platform.tenant();
        String id = block(acme, Map.of("number", "+17865559999")).string("blocked.id");

        Response refused = api.put("/api/blocklist/" + id, Map.of("number", "+17865558888"), acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("number");
        assertThat(api.get("/api/blocklist/" + id, acme.admin()).string("blocked.number")).isEqualTo("+17865559999");
    }

    @Test
    void anotherTenantsEntryIsNotFound() {
        TenantFixture acme = platform.tenant();
        TenantFixture globex = platform.tenant();
        String id = block(acme, Map.of("number", "+17865559999")).string("blocked.id");

        assertThat(api.get("/api/blocklist/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.put("/api/blocklist/" + id, Map.of("reason", "x"), globex.admin()).status()).isEqualTo(404);
        assertThat(api.delete("/api/blocklist/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/blocklist", globex.admin()).list("blocked")).isEmpty();
        assertThat(check(globex, "+17865559999").at("blocked")).isEqualTo(false);
    }

    @Test
    void aReadonlyKeyReadsButCannotWrite() {
        TenantFixture acme = platform.tenant();
        String id = block(acme, Map.of("number", "+17865559999")).string("blocked.id");
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        assertThat(api.get("/api/blocklist", readonly).status()).isEqualTo(200);
        assertThat(api.get("/api/blocklist/" + id, readonly).status()).isEqualTo(200);
        assertThat(api.get("/api/blocklist/check/%2B17865559999", readonly).status()).isEqualTo(200);
        assertThat(api.post("/api/blocklist", Map.of("number", "+17865558888"), readonly).status()).isEqualTo(403);
        assertThat(api.put("/api/blocklist/" + id, Map.of("reason", "x"), readonly).status()).isEqualTo(403);
        assertThat(api.delete("/api/blocklist/" + id, readonly).status()).isEqualTo(403);
    }

    @Test
    void aUserKeyIsRefused() {
        TenantFixture acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        Credential user = platform.apiKey(acme, "user", List.of(), "1001");

        assertThat(api.get("/api/blocklist", user).status()).isEqualTo(403);
        assertThat(api.post("/api/blocklist", Map.of("number", "+17865558888"), user).status()).isEqualTo(403);
        assertThat(api.get("/api/blocklist/check/%2B17865559999", user).status()).isEqualTo(403);
    }

    @Test
    void aSuperadminBlocksInTheTenantItNamesAndListsAcrossTenantsWithoutOne() {
        TenantFixture acme = platform.tenant();
        Credential inAcme = platform.superadmin().inTenant(acme.id());

        Response created = api.post("/api/blocklist", Map.of("number", "+17865557777"), inAcme);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("blocked.tenant_id")).isEqualTo(acme.id());

        Response withoutTenant = api.post("/api/blocklist", Map.of("number", "+17865557777"), platform.superadmin());
        assertThat(withoutTenant.status()).isEqualTo(400);
        assertThat(withoutTenant.string("code")).isEqualTo("TENANT_REQUIRED");

        Response everywhere = api.get("/api/blocklist", platform.superadmin());
        Map<String, Object> row = everywhere.list("blocked").stream()
                .filter(r -> r.get("id").equals(created.string("blocked.id"))).findFirst().orElseThrow();
        assertThat(row.get("tenants")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("subdomain", acme.subdomain());
    }

    @Test
    void originateToANumberBlockedOutboundIsRefusedNamingTheNumber() {
        TenantFixture acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        block(acme, Map.of("number", "+15550100777", "direction", "outbound"));

        Response refused = api.post("/api/calls/originate",
                Map.of("fromExtension", "1001", "toNumber", "+1 555 010 0777"), acme.admin());

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("NUMBER_BLOCKED");
        assertThat(refused.string("error")).contains("+15550100777");
    }

    @Test
    void originateToANumberUnderAPrefixBlockedBothWaysIsRefused() {
        TenantFixture acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        block(acme, Map.of("number", "+1900*"));

        Response refused = api.post("/api/calls/originate",
                Map.of("fromExtension", "1001", "toNumber", "+19005550100"), acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("NUMBER_BLOCKED");
    }

    @Test
    void originateToANumberBlockedOnlyInboundGoesAhead() {
        TenantFixture acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        block(acme, Map.of("number", "+15550100778", "direction", "inbound"));

        Response originated = api.post("/api/calls/originate",
                Map.of("fromExtension", "1001", "toNumber", "+15550100778"), acme.admin());

        assertThat(originated.status()).as(originated.text()).isEqualTo(200);
        assertThat(originated.string("callUuid")).isNotBlank();
    }

    private static Response block(TenantFixture tenant, Map<String, Object> body) {
        return api.post("/api/blocklist", body, tenant.admin());
    }

    private static Response check(TenantFixture tenant, String number) {
        return api.get("/api/blocklist/check/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20"),
                tenant.admin());
    }
}
