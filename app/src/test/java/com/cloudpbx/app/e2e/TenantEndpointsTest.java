package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class TenantEndpointsTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
    }

    @Test
    void aSuspendedTenantsTokensAndKeysAreRefusedButASuperadminStillActsInIt() {
        TenantFixture suspended = platform.tenant();
        Credential key = platform.apiKey(suspended, "admin", List.of(), null);

        Response suspend = api.put("/api/tenants/" + suspended.id(), Map.of("status", "suspended"),
                platform.superadmin());

        assertThat(suspend.status()).as(suspend.text()).isEqualTo(200);
        assertThat(api.get("/api/extensions", suspended.admin()).status())
                .as("a token issued before the suspension").isEqualTo(401);
        assertThat(api.get("/api/extensions", key).status()).as("a key, while the tenant is suspended").isEqualTo(403);
        assertThat(api.post("/api/auth/admin-login", Map.of("email", suspended.adminEmail(),
                "password", suspended.adminPassword()), Credential.NONE).status()).isEqualTo(403);
        assertThat(api.get("/api/extensions", platform.superadmin().inTenant(suspended.id())).status())
                .isEqualTo(200);
    }

    @Test
    void createIs201WithTheTenantAndItsFirstAdmin() {
        String subdomain = uniqueSubdomain();

        Response created = createTenant(Map.of("companyName", "Initech", "subdomain", subdomain,
                "adminEmail", "boss@" + subdomain + ".test", "adminPassword", "initech-password"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("tenant.id")).isNotBlank();
        assertThat(created.string("tenant.companyName")).isEqualTo("Initech");
        assertThat(created.string("tenant.subdomain")).isEqualTo(subdomain);
        assertThat(created.string("tenant.sipDomain")).isEqualTo(subdomain + ".sip.test");
        assertThat(created.string("tenant.status")).isEqualTo("active");
        assertThat(Instant.parse(created.string("tenant.createdAt")))
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
        assertThat(created.string("admin.id")).isNotBlank();
        assertThat(created.string("admin.email")).isEqualTo("boss@" + subdomain + ".test");
        assertThat(created.string("admin.role")).isEqualTo("admin");
        assertThat(created.string("admin.tenantId")).isEqualTo(created.string("tenant.id"));
        assertThat(created.text()).doesNotContain("initech-password");
    }

    @Test
    void listShowsEveryTenantInCamelCase() {
        Response list = api.get("/api/tenants", platform.superadmin());

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        Map<String, Object> mine = list.list("tenants").stream().filter(t -> acme.id().equals(t.get("id")))
                .findFirst().orElseThrow();
        assertThat(mine).containsEntry("companyName", "Company " + acme.subdomain())
                .containsEntry("subdomain", acme.subdomain())
                .containsEntry("sipDomain", acme.subdomain() + ".sip.test")
                .containsEntry("status", "active")
                .containsKey("createdAt");
    }

    @Test
    void getReturnsOneTenant() {
        Response one = api.get("/api/tenants/" + acme.id(), platform.superadmin());

        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(one.string("tenant.id")).isEqualTo(acme.id());
        assertThat(one.string("tenant.subdomain")).isEqualTo(acme.subdomain());
        assertThat(one.string("tenant.sipDomain")).isEqualTo(acme.sipDomain());
    }

    @Test
    void updateChangesTheCompanyNameAndReturnsMessageAndTenant() {
        TenantFixture tenant = platform.tenant();

        Response updated = api.put("/api/tenants/" + tenant.id(), Map.of("companyName", "Renamed Inc"),
                platform.superadmin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("message")).isEqualTo("Tenant updated");
        assertThat(updated.string("tenant.companyName")).isEqualTo("Renamed Inc");
        assertThat(updated.string("tenant.subdomain")).isEqualTo(tenant.subdomain());
        assertThat(api.get("/api/tenants/" + tenant.id(), platform.superadmin()).string("tenant.companyName"))
                .isEqualTo("Renamed Inc");
    }

    @Test
    void deleteRemovesTheTenant() {
        TenantFixture tenant = platform.tenant();

        Response deleted = api.delete("/api/tenants/" + tenant.id(), platform.superadmin());

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        assertThat(deleted.string("message")).isEqualTo("Tenant deleted");
        assertThat(api.get("/api/tenants/" + tenant.id(), platform.superadmin()).status()).isEqualTo(404);
        assertThat(api.get("/api/tenants", platform.superadmin()).list("tenants")).extracting(t -> t.get("id"))
                .doesNotContain(tenant.id());
    }

    @Test
    void statsCountExtensionsActiveExtensionsAdminsAndApiKeys() {
        TenantFixture tenant = platform.tenant();
        platform.extension(tenant, "5001", "stats-pass-1");
        String second = platform.extension(tenant, "5002", "stats-pass-2").string("extension.id");
        api.put("/api/extensions/" + second, Map.of("status", "disabled"), tenant.admin());
        platform.apiKey(tenant, "readonly", List.of(), null);

        Response stats = api.get("/api/tenants/" + tenant.id() + "/stats", platform.superadmin());

        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        assertThat(((Number) stats.at("stats.extensions")).longValue()).isEqualTo(2);
        assertThat(((Number) stats.at("stats.activeExtensions")).longValue()).isEqualTo(1);
        assertThat(((Number) stats.at("stats.admins")).longValue()).isEqualTo(1);
        assertThat(((Number) stats.at("stats.apiKeys")).longValue()).isEqualTo(1);
    }

    @Test
    void aTenantAdminGets403OnEveryTenantRoute() {
        Credential admin = acme.admin();
        String own = "/api/tenants/" + acme.id();
        String subdomain = uniqueSubdomain();

        List<Response> responses = new ArrayList<>();
        responses.add(api.get("/api/tenants", admin));
        responses.add(api.get(own, admin));
        responses.add(api.get(own + "/stats", admin));
        responses.add(api.post("/api/tenants", Map.of("companyName", "Sneaky", "subdomain", subdomain,
                "adminEmail", "x@" + subdomain + ".test", "adminPassword", "sneaky-password"), admin));
        responses.add(api.put(own, Map.of("companyName", "Hijacked"), admin));
        responses.add(api.delete(own, admin));

        assertThat(responses).extracting(Response::status).containsOnly(403);
        assertThat(responses).extracting(r -> r.string("code")).containsOnly("FORBIDDEN");
        assertThat(api.get(own, platform.superadmin()).string("tenant.companyName"))
                .isEqualTo("Company " + acme.subdomain());
    }

    @Test
    void aDuplicateSubdomainIs400() {
        Response duplicate = createTenant(Map.of("companyName", "Copycat", "subdomain", acme.subdomain(),
                "adminEmail", "copy@" + uniqueSubdomain() + ".test", "adminPassword", "copycat-password"));

        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE_SUBDOMAIN");
    }

    @Test
    void aDuplicateAdminEmailIs400() {
        Response duplicate = createTenant(Map.of("companyName", "Same Admin", "subdomain", uniqueSubdomain(),
                "adminEmail", acme.adminEmail(), "adminPassword", "same-admin-password"));

        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE_EMAIL");
    }

    @Test
    void anInvalidSubdomainIs400NamingTheField() {
        Response invalid = createTenant(Map.of("companyName", "Bad Label", "subdomain", "-not_a_label-",
                "adminEmail", "bad@" + uniqueSubdomain() + ".test", "adminPassword", "bad-label-password"));

        assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
        assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.string("details.0.field")).isEqualTo("subdomain");
    }

    @Test
    void aMissingAdminEmailIs400NamingAdminEmail() {
        Response invalid = createTenant(Map.of("companyName", "No Admin", "subdomain", uniqueSubdomain(),
                "adminPassword", "no-admin-password"));

        assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
        assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.string("details.0.field")).isEqualTo("adminEmail");
    }

    @Test
    void aShortAdminPasswordIs400NamingAdminPassword() {
        String subdomain = uniqueSubdomain();
        Response invalid = createTenant(Map.of("companyName", "Weak", "subdomain", subdomain,
                "adminEmail", "weak@" + subdomain + ".test", "adminPassword", "short"));

        assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
        assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.string("details.0.field")).isEqualTo("adminPassword");
    }

    @Test
    void anUnknownIdIs404() {
        String unknown = "/api/tenants/" + UUID.randomUUID();

        assertThat(api.get(unknown, platform.superadmin()).status()).isEqualTo(404);
        assertThat(api.get(unknown + "/stats", platform.superadmin()).status()).isEqualTo(404);
        assertThat(api.put(unknown, Map.of("companyName", "Ghost"), platform.superadmin()).status()).isEqualTo(404);
        assertThat(api.delete(unknown, platform.superadmin()).status()).isEqualTo(404);
        assertThat(api.get(unknown, platform.superadmin()).string("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void changingTheSubdomainRekeysTheKamailioSubscriberRows() throws Exception {
        TenantFixture tenant = platform.tenant();
        platform.extension(tenant, "5101", "move-pass-1");
        platform.extension(tenant, "5102", "move-pass-2");
        String newSubdomain = uniqueSubdomain();
        String newDomain = newSubdomain + ".sip.test";

        Response updated = api.put("/api/tenants/" + tenant.id(), Map.of("subdomain", newSubdomain),
                platform.superadmin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("tenant.sipDomain")).isEqualTo(newDomain);
        assertThat(subscribers(tenant.sipDomain())).isEmpty();
        Map<String, String> moved = subscribers(newDomain);
        assertThat(moved).containsOnlyKeys("5101", "5102");
        assertThat(moved.get("5101")).isEqualTo(md5("5101:" + newDomain + ":move-pass-1"));
        assertThat(moved.get("5102")).isEqualTo(md5("5102:" + newDomain + ":move-pass-2"));
    }

    @Test
    void deletingATenantRemovesItsSubscriberRows() throws Exception {
        TenantFixture tenant = platform.tenant();
        platform.extension(tenant, "5201", "gone-pass-1");
        assertThat(subscribers(tenant.sipDomain())).containsOnlyKeys("5201");

        assertThat(api.delete("/api/tenants/" + tenant.id(), platform.superadmin()).status()).isEqualTo(200);

        assertThat(subscribers(tenant.sipDomain())).isEmpty();
    }

    @Test
    void aSuperadminWithXTenantIdCreatesAnExtensionInThatTenant() {
        TenantFixture tenant = platform.tenant();

        Response created = api.post("/api/extensions",
                Map.of("extension", "5301", "password", "superadmin-made", "displayName", "By Superadmin"),
                platform.superadmin().inTenant(tenant.id()));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("extension.tenant_id")).isEqualTo(tenant.id());
        assertThat(created.string("sip.domain")).isEqualTo(tenant.sipDomain());
        assertThat(api.get("/api/extensions", tenant.admin()).list("extensions")).extracting(e -> e.get("extension"))
                .containsExactly("5301");
    }

    @Test
    void aSuperadminWithoutATenantGets400TenantRequiredOnExtensionCreate() {
        Response created = api.post("/api/extensions",
                Map.of("extension", "5401", "password", "nowhere-pass", "displayName", "Nowhere"),
                platform.superadmin());

        assertThat(created.status()).as(created.text()).isEqualTo(400);
        assertThat(created.string("code")).isEqualTo("TENANT_REQUIRED");
    }

    @Test
    void aSuperadminWithoutATenantListsEveryTenantsExtensionsWithTheirTenant() {
        TenantFixture first = platform.tenant();
        TenantFixture second = platform.tenant();
        platform.extension(first, "5501", "span-pass-1");
        platform.extension(second, "5502", "span-pass-2");

        Response list = api.get("/api/extensions", platform.superadmin());

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<Map<String, Object>> extensions = list.list("extensions");
        assertThat(extensions).extracting(e -> e.get("extension")).contains("5501", "5502");
        assertThat(extensions).allSatisfy(e -> assertThat(e.get("tenants")).isNotNull());
        Map<String, Object> fromFirst = extensions.stream().filter(e -> "5501".equals(e.get("extension")))
                .findFirst().orElseThrow();
        assertThat(fromFirst.get("tenants")).isEqualTo(Map.of("id", first.id(),
                "company_name", "Company " + first.subdomain(), "subdomain", first.subdomain()));
        Map<String, Object> fromSecond = extensions.stream().filter(e -> "5502".equals(e.get("extension")))
                .findFirst().orElseThrow();
        assertThat(fromSecond).containsEntry("tenant_id", second.id());
        assertThat(((Map<?, ?>) fromSecond.get("tenants")).get("subdomain")).isEqualTo(second.subdomain());
    }

    @Test
    void aSuperadminWithXTenantIdListsOnlyThatTenantsExtensionsWithoutTenantNames() {
        TenantFixture tenant = platform.tenant();
        platform.extension(tenant, "5601", "scoped-pass");

        Response list = api.get("/api/extensions", platform.superadmin().inTenant(tenant.id()));

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.list("extensions")).extracting(e -> e.get("extension")).containsExactly("5601");
        assertThat(list.list("extensions").get(0)).doesNotContainKey("tenants");
    }

    private static Response createTenant(Map<String, Object> body) {
        return api.post("/api/tenants", new HashMap<>(body), platform.superadmin());
    }

    private static String uniqueSubdomain() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Username → ha1 of the registrar rows in a SIP domain. */
    private static Map<String, String> subscribers(String domain) throws Exception {
        var db = api.database();
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var statement = connection.prepareStatement(
                     "SELECT username, ha1 FROM kamailio.subscriber WHERE domain = ?")) {
            statement.setString(1, domain);
            Map<String, String> rows = new HashMap<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getString(2));
                }
            }
            return rows;
        }
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
