package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class AuditLogEndpointsTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;
    private static TenantFixture globex;
    private static String adminId;
    private static String extensionId;
    private static String keyId;
    private static String globexExtensionId;
    private static Credential readonly;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        globex = platform.tenant();
        adminId = api.get("/api/auth/me", acme.admin()).string("user.id");

        extensionId = platform.extension(acme, "6001", "audit-pass-1").string("extension.id");
        assertThat(api.put("/api/extensions/" + extensionId, Map.of("displayName", "Renamed"), acme.admin()).status())
                .isEqualTo(200);
        assertThat(api.delete("/api/extensions/" + extensionId, acme.admin()).status()).isEqualTo(200);
        Response key = api.post("/api/api-keys", Map.of("name", "audited", "role", "admin"), acme.admin());
        keyId = key.string("apiKey.id");
        assertThat(api.post("/api/api-keys/" + keyId + "/regenerate", Map.of(), acme.admin()).status()).isEqualTo(200);
        assertThat(api.delete("/api/api-keys/" + keyId, acme.admin()).status()).isEqualTo(200);

        globexExtensionId = platform.extension(globex, "6002", "audit-pass-2").string("extension.id");
        readonly = platform.apiKey(globex, "readonly", List.of(), null);
    }

    @Test
    void entriesCarryWhoDidWhatToWhichResourceFromWhere() {
        Response log = api.get("/api/audit-log?resource=extension&action=create", acme.admin());

        assertThat(log.status()).as(log.text()).isEqualTo(200);
        assertThat(log.list("entries")).hasSize(1);
        Map<String, Object> entry = log.list("entries").get(0);
        assertThat(entry).containsOnlyKeys("id", "at", "actor_id", "actor_kind", "tenant_id", "action", "resource",
                "resource_id", "client_ip");
        assertThat(entry.get("id")).isNotNull();
        assertThat(Instant.parse((String) entry.get("at")))
                .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
        assertThat(entry).containsEntry("actor_id", adminId)
                .containsEntry("actor_kind", "admin")
                .containsEntry("tenant_id", acme.id())
                .containsEntry("action", "create")
                .containsEntry("resource", "extension")
                .containsEntry("resource_id", extensionId)
                .containsEntry("client_ip", "127.0.0.1");
    }

    @Test
    void theWritesAndTheLoginAreAllRecordedNewestFirst() {
        Response log = api.get("/api/audit-log", acme.admin());

        assertThat(log.status()).as(log.text()).isEqualTo(200);
        List<Map<String, Object>> entries = log.list("entries");
        List<String> trail = entries.stream().map(e -> e.get("resource") + ":" + e.get("action")).toList();
        assertThat(trail).containsSubsequence("api_key:revoke", "api_key:regenerate", "api_key:create",
                "extension:delete", "extension:update", "extension:create", "account:login");
        List<Instant> times = entries.stream().map(e -> Instant.parse((String) e.get("at"))).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isBeforeOrEqualTo(times.get(i - 1));
        }
    }

    @Test
    void theListIsPaginated() {
        Response log = api.get("/api/audit-log", acme.admin());

        long total = ((Number) log.at("pagination.total")).longValue();
        assertThat(((Number) log.at("pagination.page")).intValue()).isEqualTo(1);
        assertThat(((Number) log.at("pagination.limit")).intValue()).isEqualTo(50);
        assertThat(total).isEqualTo(log.list("entries").size()).isGreaterThanOrEqualTo(7);
        assertThat(((Number) log.at("pagination.pages")).intValue()).isEqualTo(1);
    }

    @Test
    void limitOnePageTwoReturnsTheSecondNewestEntry() {
        Response all = api.get("/api/audit-log", acme.admin());

        Response second = api.get("/api/audit-log?limit=1&page=2", acme.admin());

        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.list("entries")).hasSize(1);
        assertThat(second.string("entries.0.id")).isEqualTo(all.string("entries.1.id"));
        long total = ((Number) all.at("pagination.total")).longValue();
        assertThat(((Number) second.at("pagination.page")).intValue()).isEqualTo(2);
        assertThat(((Number) second.at("pagination.limit")).intValue()).isEqualTo(1);
        assertThat(((Number) second.at("pagination.total")).longValue()).isEqualTo(total);
        assertThat(((Number) second.at("pagination.pages")).longValue()).isEqualTo(total);
    }

    @Test
    void pageZeroIs400() {
        Response log = api.get("/api/audit-log?page=0", acme.admin());

        assertThat(log.status()).as(log.text()).isEqualTo(400);
        assertThat(log.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(log.string("details.0.field")).isEqualTo("page");
    }

    @Test
    void theResourceFilterKeepsOnlyThatResource() {
        Response log = api.get("/api/audit-log?resource=extension", acme.admin());

        assertThat(log.list("entries")).extracting(e -> e.get("resource")).containsOnly("extension");
        assertThat(log.list("entries")).extracting(e -> e.get("action"))
                .containsExactly("delete", "update", "create");
    }

    @Test
    void theActionFilterKeepsOnlyThatAction() {
        Response log = api.get("/api/audit-log?action=regenerate", acme.admin());

        assertThat(log.list("entries")).hasSize(1);
        assertThat(log.string("entries.0.resource")).isEqualTo("api_key");
        assertThat(log.string("entries.0.resource_id")).isEqualTo(keyId);
    }

    @Test
    void theLoginIsRecordedAsAnAccountLogin() {
        Response log = api.get("/api/audit-log?action=login", acme.admin());

        assertThat(log.list("entries")).isNotEmpty();
        assertThat(log.list("entries")).allSatisfy(e -> assertThat(e)
                .containsEntry("resource", "account")
                .containsEntry("actor_id", adminId)
                .containsEntry("resource_id", adminId));
    }

    @Test
    void aDateRangeOfTodayIncludesEverythingAndOneInThePastNothing() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        long total = ((Number) api.get("/api/audit-log", acme.admin()).at("pagination.total")).longValue();

        Response todays = api.get("/api/audit-log?dateFrom=" + today + "&dateTo=" + today, acme.admin());
        Response past = api.get("/api/audit-log?dateFrom=2020-01-01&dateTo=2020-12-31", acme.admin());

        assertThat(todays.status()).as(todays.text()).isEqualTo(200);
        assertThat(((Number) todays.at("pagination.total")).longValue()).isEqualTo(total);
        assertThat(past.status()).as(past.text()).isEqualTo(200);
        assertThat(past.list("entries")).isEmpty();
        assertThat(((Number) past.at("pagination.total")).longValue()).isZero();
    }

    @Test
    void anAdminNeverSeesAnotherTenantsEntries() {
        Response log = api.get("/api/audit-log?limit=500", acme.admin());

        assertThat(log.list("entries")).extracting(e -> e.get("tenant_id")).containsOnly(acme.id());
        assertThat(log.list("entries")).extracting(e -> e.get("resource_id")).doesNotContain(globexExtensionId);
    }

    @Test
    void anAdminNamingAnotherTenantIs403() {
        Response log = api.get("/api/audit-log", acme.admin().inTenant(globex.id()));

        assertThat(log.status()).as(log.text()).isEqualTo(403);
    }

    @Test
    void aSuperadminSeesEveryTenant() {
        Response log = api.get("/api/audit-log?limit=500", platform.superadmin());

        assertThat(log.status()).as(log.text()).isEqualTo(200);
        assertThat(log.list("entries")).extracting(e -> e.get("tenant_id")).contains(acme.id(), globex.id());
        assertThat(log.list("entries")).extracting(e -> e.get("resource_id")).contains(extensionId, globexExtensionId);
    }

    @Test
    void aSuperadminWithXTenantIdSeesOnlyThatTenant() {
        Response log = api.get("/api/audit-log?limit=500", platform.superadmin().inTenant(globex.id()));

        assertThat(log.status()).as(log.text()).isEqualTo(200);
        assertThat(log.list("entries")).extracting(e -> e.get("tenant_id")).containsOnly(globex.id());
        assertThat(log.list("entries")).extracting(e -> e.get("resource_id")).contains(globexExtensionId)
                .doesNotContain(extensionId);
    }

    @Test
    void aReadonlyKeyCannotReadTheAuditLog() {
        Response log = api.get("/api/audit-log", readonly);

        assertThat(log.status()).as(log.text()).isEqualTo(403);
        assertThat(log.string("code")).isEqualTo("FORBIDDEN");
    }
}
