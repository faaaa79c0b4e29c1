package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class ApiKeyEndpointsTest {

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
    void createIs201WithTheFullKeyOnceAndItsMaskedPreview() {
        Response created = create(acme.admin(), Map.of("name", "CRM Integration", "role", "admin",
                "scopes", List.of("calls:read", "extensions:write")));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.string("apiKey.key");
        assertThat(key).startsWith("csk_live_").matches("csk_live_[A-Za-z0-9_-]{43,}");
        assertThat(created.string("apiKey.id")).isNotBlank();
        assertThat(created.string("apiKey.name")).isEqualTo("CRM Integration");
        assertThat(created.string("apiKey.keyPreview")).isEqualTo("csk_live_••••••••" + key.substring(key.length() - 8));
        assertThat(created.string("apiKey.role")).isEqualTo("admin");
        assertThat(created.at("apiKey.scopes")).asList().containsExactlyInAnyOrder("calls:read", "extensions:write");
        assertThat(created.string("apiKey.status")).isEqualTo("active");
        assertThat(Instant.parse(created.string("apiKey.createdAt")))
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
        assertThat(created.object("apiKey")).containsKeys("expiresAt", "lastUsedAt");
        assertThat(created.at("apiKey.expiresAt")).isNull();
        assertThat(created.at("apiKey.lastUsedAt")).isNull();
    }

    @Test
    void theKeyAuthenticatesAsXApiKeyAndAsABearerToken() {
        String key = createKey(acme.admin(), "admin", null);

        Response viaHeader = api.get("/api/extensions", Credential.apiKey(key));
        Response viaBearer = api.get("/api/extensions", Credential.token(key));

        assertThat(viaHeader.status()).as(viaHeader.text()).isEqualTo(200);
        assertThat(viaBearer.status()).as(viaBearer.text()).isEqualTo(200);
    }

    @Test
    void listAndGetNeverContainTheFullKey() {
        Response created = create(acme.admin(), Map.of("name", "secret-" + UUID.randomUUID(), "role", "admin"));
        String key = created.string("apiKey.key");
        String id = created.string("apiKey.id");

        Response list = api.get("/api/api-keys", acme.admin());
        Response one = api.get("/api/api-keys/" + id, acme.admin());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.list("apiKeys")).extracting(k -> k.get("id")).contains(id);
        assertThat(list.text()).doesNotContain(key).doesNotContain(key.substring("csk_live_".length()));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.string("apiKey.id")).isEqualTo(id);
        assertThat(one.object("apiKey")).doesNotContainKey("key");
        assertThat(one.text()).doesNotContain(key).doesNotContain(key.substring("csk_live_".length()));
    }

    @Test
    void lastUsedAtIsSetOnceTheKeyWasUsed() {
        Response created = create(acme.admin(), Map.of("name", "used-" + UUID.randomUUID(), "role", "readonly"));
        String id = created.string("apiKey.id");
        assertThat(api.get("/api/extensions", Credential.apiKey(created.string("apiKey.key"))).status()).isEqualTo(200);

        Response one = api.get("/api/api-keys/" + id, acme.admin());

        assertThat(one.string("apiKey.lastUsedAt")).isNotNull();
        assertThat(Instant.parse(one.string("apiKey.lastUsedAt")))
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
        assertThat(api.get("/api/api-keys", acme.admin()).list("apiKeys"))
                .filteredOn(k -> id.equals(k.get("id"))).extracting(k -> k.get("lastUsedAt")).doesNotContainNull();
    }

    @Test
    void aReadonlyKeyReadsExtensionsButCannotCreateOne() {
        Credential readonly = Credential.apiKey(createKey(acme.admin(), "readonly", null));

        Response read = api.get("/api/extensions", readonly);
        Response write = api.post("/api/extensions",
                Map.of("extension", "4099", "password", "readonly-pass", "displayName", "No"), readonly);

        assertThat(read.status()).isEqualTo(200);
        assertThat(write.status()).as(write.text()).isEqualTo(403);
        assertThat(write.string("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void aKeyScopedToCallsReadCannotReadExtensions() {
        Credential scoped = platform.apiKey(acme, "admin", List.of("calls:read"), null);

        Response read = api.get("/api/extensions", scoped);

        assertThat(read.status()).as(read.text()).isEqualTo(403);
        assertThat(read.string("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void anExpiryInThePastIsAValidationError() {
        Response created = create(acme.admin(), Map.of("name", "expired-" + UUID.randomUUID(), "role", "admin",
                "expiresAt", "2020-01-01T00:00:00Z"));

        assertThat(created.status()).as(created.text()).isEqualTo(400);
        assertThat(created.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(created.string("details.0.field")).isEqualTo("expiresAt");
    }

    @Test
    void anExpiryInTheFutureIsEchoedAndTheKeyWorks() {
        String expiresAt = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        Response created = create(acme.admin(), Map.of("name", "expiring-" + UUID.randomUUID(), "role", "admin",
                "expiresAt", expiresAt));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("apiKey.expiresAt")).isEqualTo(expiresAt);
        assertThat(api.get("/api/api-keys/" + created.string("apiKey.id"), acme.admin()).string("apiKey.expiresAt"))
                .isEqualTo(expiresAt);
        assertThat(api.get("/api/extensions", Credential.apiKey(created.string("apiKey.key"))).status())
                .isEqualTo(200);
    }

    @Test
    void aRevokedKeyIsRefusedWith401SayingItWasRevoked() {
        Response created = create(acme.admin(), Map.of("name", "revoked-" + UUID.randomUUID(), "role", "admin"));
        Credential key = Credential.apiKey(created.string("apiKey.key"));
        String id = created.string("apiKey.id");
        assertThat(api.get("/api/extensions", key).status()).isEqualTo(200);

        Response revoked = api.delete("/api/api-keys/" + id, acme.admin());
        Response refused = api.get("/api/extensions", key);

        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(refused.status()).as(refused.text()).isEqualTo(401);
        assertThat(refused.string("code")).isEqualTo("UNAUTHORIZED");
        assertThat(refused.string("error")).containsIgnoringCase("revoked");
        assertThat(api.get("/api/api-keys", acme.admin()).list("apiKeys"))
                .filteredOn(k -> id.equals(k.get("id"))).extracting(k -> k.get("status")).containsExactly("revoked");
    }

    @Test
    void regenerateReplacesTheSecretAndKeepsTheId() {
        Response created = create(acme.admin(), Map.of("name", "regen-" + UUID.randomUUID(), "role", "admin"));
        String oldKey = created.string("apiKey.key");
        String id = created.string("apiKey.id");
        assertThat(api.get("/api/extensions", Credential.apiKey(oldKey)).status()).isEqualTo(200);

        Response regenerated = api.post("/api/api-keys/" + id + "/regenerate", Map.of(), acme.admin());

        assertThat(regenerated.status()).as(regenerated.text()).isEqualTo(200);
        String newKey = regenerated.string("apiKey.key");
        assertThat(regenerated.string("apiKey.id")).isEqualTo(id);
        assertThat(newKey).startsWith("csk_live_").isNotEqualTo(oldKey);
        assertThat(regenerated.string("apiKey.keyPreview")).endsWith(newKey.substring(newKey.length() - 8));
        assertThat(api.get("/api/extensions", Credential.apiKey(oldKey)).status()).isEqualTo(401);
        assertThat(api.get("/api/extensions", Credential.apiKey(newKey)).status()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyCannotBeRegenerated() {
        String id = create(acme.admin(), Map.of("name", "dead-" + UUID.randomUUID(), "role", "admin"))
                .string("apiKey.id");
        assertThat(api.delete("/api/api-keys/" + id, acme.admin()).status()).isEqualTo(200);

        Response regenerated = api.post("/api/api-keys/" + id + "/regenerate", Map.of(), acme.admin());

        assertThat(regenerated.status()).as(regenerated.text()).isEqualTo(400);
        assertThat(regenerated.string("code")).isEqualTo("KEY_REVOKED");
        assertThat(regenerated.text()).doesNotContain("\"key\"");
    }

    @Test
    void aRevokedKeysNameCanBeReused() {
        String name = "reused-" + UUID.randomUUID();
        String id = create(acme.admin(), Map.of("name", name, "role", "admin")).string("apiKey.id");
        assertThat(api.delete("/api/api-keys/" + id, acme.admin()).status()).isEqualTo(200);

        Response again = create(acme.admin(), Map.of("name", name, "role", "admin"));

        assertThat(again.status()).as(again.text()).isEqualTo(201);
    }

    @Test
    void aDuplicateActiveNameIs400() {
        String name = "dup-" + UUID.randomUUID();
        assertThat(create(acme.admin(), Map.of("name", name, "role", "admin")).status()).isEqualTo(201);

        Response duplicate = create(acme.admin(), Map.of("name", name, "role", "readonly"));

        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE_NAME");
        assertThat(duplicate.string("error")).contains(name);
    }

    @Test
    void anInvalidRoleIs400NamingTheRoleField() {
        Response invalid = create(acme.admin(), Map.of("name", "bad-role-" + UUID.randomUUID(), "role", "owner"));

        assertThat(invalid.status()).as(invalid.text()).isEqualTo(400);
        assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.string("details.0.field")).isEqualTo("role");
    }

    @Test
    void aTenantAdminCannotCreateASuperadminKey() {
        Response created = create(acme.admin(), Map.of("name", "escalate-" + UUID.randomUUID(), "role", "superadmin"));

        assertThat(created.status()).as(created.text()).isEqualTo(403);
        assertThat(created.string("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void aTenantAdminCannotCreateAGlobalKey() {
        Response created = create(acme.admin(), Map.of("name", "global-" + UUID.randomUUID(), "global", true));

        assertThat(created.status()).as(created.text()).isEqualTo(403);
        assertThat(created.string("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void aSuperadminCreatesAGlobalSuperadminKeyThatListsTenants() {
        Response created = create(platform.superadmin(), Map.of("name", "Superadmin Global " + UUID.randomUUID(),
                "role", "superadmin", "global", true));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("apiKey.role")).isEqualTo("superadmin");
        Response tenants = api.get("/api/tenants", Credential.apiKey(created.string("apiKey.key")));
        assertThat(tenants.status()).as(tenants.text()).isEqualTo(200);
        assertThat(tenants.list("tenants")).extracting(t -> t.get("id")).contains(acme.id(), globex.id());
    }

    @Test
    void aSuperadminCreatingATenantKeyWithoutATenantIs400TenantRequired() {
        Response created = create(platform.superadmin(), Map.of("name", "no-tenant-" + UUID.randomUUID(),
                "role", "admin"));

        assertThat(created.status()).as(created.text()).isEqualTo(400);
        assertThat(created.string("code")).isEqualTo("TENANT_REQUIRED");
    }

    @Test
    void aSuperadminCreatesATenantKeyWithXTenantId() {
        Response created = create(platform.superadmin().inTenant(globex.id()),
                Map.of("name", "for-globex-" + UUID.randomUUID(), "role", "admin"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("apiKey.tenantId")).isEqualTo(globex.id());
        Response me = api.get("/api/auth/me", Credential.apiKey(created.string("apiKey.key")));
        assertThat(me.string("tenant.id")).isEqualTo(globex.id());
    }

    @Test
    void aSuperadminCreatesATenantKeyWithTenantIdInTheBody() {
        Response created = create(platform.superadmin(),
                Map.of("name", "body-tenant-" + UUID.randomUUID(), "role", "readonly", "tenantId", globex.id()));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("apiKey.tenantId")).isEqualTo(globex.id());
    }

    @Test
    void aUserKeyRequiresTheExtensionItActsFor() {
        Response created = create(acme.admin(), Map.of("name", "user-no-ext-" + UUID.randomUUID(), "role", "user"));

        assertThat(created.status()).as(created.text()).isEqualTo(400);
        assertThat(created.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(created.string("details.0.field")).isEqualTo("extension");
    }

    @Test
    void aUserKeySeesOnlyItsOwnExtension() {
        String own = platform.extension(acme, "4001", "user-key-pass-1").string("extension.id");
        platform.extension(acme, "4002", "user-key-pass-2");
        Credential userKey = platform.apiKey(acme, "user", List.of(), "4001");

        Response list = api.get("/api/extensions", userKey);

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.list("extensions")).extracting(e -> e.get("id")).containsExactly(own);
    }

    @Test
    void anotherTenantsKeyIs404() {
        Response theirs = create(globex.admin(), Map.of("name", "globex-key-" + UUID.randomUUID(), "role", "admin"));
        String id = theirs.string("apiKey.id");

        assertThat(api.get("/api/api-keys/" + id, acme.admin()).status()).isEqualTo(404);
        assertThat(api.delete("/api/api-keys/" + id, acme.admin()).status()).isEqualTo(404);
        assertThat(api.post("/api/api-keys/" + id + "/regenerate", Map.of(), acme.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/api-keys", acme.admin()).list("apiKeys")).extracting(k -> k.get("id"))
                .doesNotContain(id);
        assertThat(api.get("/api/extensions", Credential.apiKey(theirs.string("apiKey.key"))).status())
                .as("their key still works").isEqualTo(200);
    }

    @Test
    void aReadonlyKeyCannotListApiKeys() {
        Credential readonly = Credential.apiKey(createKey(acme.admin(), "readonly", null));

        Response list = api.get("/api/api-keys", readonly);

        assertThat(list.status()).as(list.text()).isEqualTo(403);
        assertThat(list.string("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void aKeyScopedToApiKeysWriteCannotRegenerateAnUnscopedAdminKey() {
        Response admin = create(acme.admin(), Map.of("name", "full-admin-" + UUID.randomUUID(), "role", "admin"));
        Credential keyManager = scopedKey("api-keys:write");

        Response regenerated = api.post("/api/api-keys/" + admin.string("apiKey.id") + "/regenerate", Map.of(),
                keyManager);

        assertThat(regenerated.status()).as(regenerated.text()).isEqualTo(403);
        assertThat(regenerated.string("code")).isEqualTo("FORBIDDEN");
        assertThat(regenerated.text()).doesNotContain("csk_live_");
        assertThat(api.get("/api/extensions", Credential.apiKey(admin.string("apiKey.key"))).status())
                .as("the admin key keeps its secret").isEqualTo(200);
    }

    @Test
    void aKeyScopedToApiKeysWriteCannotRevokeAnUnscopedAdminKey() {
        Response admin = create(acme.admin(), Map.of("name", "full-admin-" + UUID.randomUUID(), "role", "admin"));
        Credential keyManager = scopedKey("api-keys:write");

        Response revoked = api.delete("/api/api-keys/" + admin.string("apiKey.id"), keyManager);

        assertThat(revoked.status()).as(revoked.text()).isEqualTo(403);
        assertThat(revoked.string("code")).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/api-keys/" + admin.string("apiKey.id"), acme.admin()).string("apiKey.status"))
                .isEqualTo("active");
        assertThat(api.get("/api/extensions", Credential.apiKey(admin.string("apiKey.key"))).status()).isEqualTo(200);
    }

    @Test
    void aScopedKeyCannotRegenerateAKeyWithAScopeItLacks() {
        Response wider = create(acme.admin(), Map.of("name", "wider-" + UUID.randomUUID(), "role", "admin",
                "scopes", List.of("api-keys:write", "extensions:write")));
        Credential keyManager = scopedKey("api-keys:write");

        Response regenerated = api.post("/api/api-keys/" + wider.string("apiKey.id") + "/regenerate", Map.of(),
                keyManager);

        assertThat(regenerated.status()).as(regenerated.text()).isEqualTo(403);
        assertThat(regenerated.string("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void aScopedKeyRegeneratesAndRevokesKeysWithinItsOwnScopes() {
        Credential keyManager = scopedKey("api-keys:write", "calls:read");
        Response narrow = create(acme.admin(), Map.of("name", "narrow-" + UUID.randomUUID(), "role", "readonly",
                "scopes", List.of("calls:read")));
        String id = narrow.string("apiKey.id");

        Response regenerated = api.post("/api/api-keys/" + id + "/regenerate", Map.of(), keyManager);
        Response revoked = api.delete("/api/api-keys/" + id, keyManager);

        assertThat(regenerated.status()).as(regenerated.text()).isEqualTo(200);
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.string("apiKey.status")).isEqualTo("revoked");
    }

    private static Credential scopedKey(String... scopes) {
        Response created = create(acme.admin(), Map.of("name", "scoped-" + UUID.randomUUID(), "role", "admin",
                "scopes", List.of(scopes)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return Credential.apiKey(created.string("apiKey.key"));
    }

    private static Response create(Credential as, Map<String, Object> body) {
        return api.post("/api/api-keys", body, as);
    }

    private static String createKey(Credential as, String role, String extension) {
        Map<String, Object> body = new HashMap<>(Map.of("name", role + "-" + UUID.randomUUID(), "role", role));
        if (extension != null) {
            body.put("extension", extension);
        }
        Response created = create(as, body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("apiKey.key");
    }
}
