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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class ExtensionEndpointsTest {

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
    void createReturnsTheExtensionInSnakeCaseAndSipProvisioning() {
        Response created = api.post("/api/extensions", Map.of("extension", "2001", "password", "secure-sip-password",
                "displayName", "Alice Johnson", "voicemailEnabled", true, "voicemailPin", "1234"), acme.admin());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.string("extension.extension")).isEqualTo("2001");
        assertThat(created.string("extension.display_name")).isEqualTo("Alice Johnson");
        assertThat(created.at("extension.voicemail_enabled")).isEqualTo(true);
        assertThat(created.at("extension.recording_enabled")).isEqualTo(true);
        assertThat(created.string("extension.status")).isEqualTo("active");
        assertThat(created.string("sip.username")).isEqualTo("2001");
        assertThat(created.string("sip.domain")).isEqualTo(acme.sipDomain());
        assertThat(created.string("sip.server")).isNotBlank();
        assertThat(created.text()).doesNotContain("secure-sip-password").doesNotContain("1234\"");
    }

    @Test
    void kamailioSubscriberRowHoldsIndependentlyComputedHa1AndNoPassword() throws Exception {
        platform.extension(acme, "2002", "kamailio-pass-1");

        Map<String, String> row = subscriber("2002", acme.sipDomain());

        assertThat(row.get("ha1")).isEqualTo(md5("2002:" + acme.sipDomain() + ":kamailio-pass-1"));
        assertThat(row.get("ha1b")).isEqualTo(md5("2002@" + acme.sipDomain() + ":" + acme.sipDomain() + ":kamailio-pass-1"));
        assertThat(row.get("password")).isEmpty();
    }

    @Test
    void changingTheSipPasswordRewritesTheSubscriberRow() throws Exception {
        String id = platform.extension(acme, "2003", "first-password").string("extension.id");

        Response updated = api.put("/api/extensions/" + id, Map.of("password", "second-password"), acme.admin());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.string("message")).isEqualTo("Extension updated");
        assertThat(subscriber("2003", acme.sipDomain()).get("ha1"))
                .isEqualTo(md5("2003:" + acme.sipDomain() + ":second-password"));
    }

    @Test
    void deletingAnExtensionRemovesItsSubscriberRow() throws Exception {
        String id = platform.extension(acme, "2004", "doomed-password").string("extension.id");

        Response deleted = api.delete("/api/extensions/" + id, acme.admin());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.string("message")).isEqualTo("Extension deleted");
        assertThat(subscriber("2004", acme.sipDomain())).isEmpty();
        assertThat(api.get("/api/extensions/" + id, acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void aDuplicateNumberIsA400ThatNamesTheExtension() {
        platform.extension(acme, "2005", "some-password");

        Response duplicate = api.post("/api/extensions",
                Map.of("extension", "2005", "password", "other-password", "displayName", "Dup"), acme.admin());

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE_EXTENSION");
        assertThat(duplicate.string("error")).contains("2005");
    }

    @Test
    void anInvalidNumberIsAValidationErrorNamingTheField() {
        Response invalid = api.post("/api/extensions",
                Map.of("extension", "1", "password", "some-password", "displayName", "X"), acme.admin());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.string("details.0.field")).isEqualTo("extension");
    }

    @Test
    void sipCredentialsByIdAndByNumberReturnTheDecryptedPassword() {
        String id = platform.extension(acme, "2006", "softphone-pass").string("extension.id");

        Response byId = api.get("/api/extensions/" + id + "/sip-credentials", acme.admin());
        Response byNumber = api.get("/api/extensions/by-number/2006/sip-credentials?tenantId=" + acme.id(),
                acme.admin());

        for (Response response : List.of(byId, byNumber)) {
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.string("sipCredentials.extension")).isEqualTo("2006");
            assertThat(response.string("sipCredentials.password")).isEqualTo("softphone-pass");
            assertThat(response.string("sipCredentials.sipDomain")).isEqualTo(acme.sipDomain());
            assertThat(response.string("sipCredentials.wsUri")).contains(acme.sipDomain());
            assertThat(response.string("sipCredentials.registrar")).contains(acme.sipDomain());
        }
    }

    @Test
    void theListNeverCarriesSipPasswords() {
        platform.extension(acme, "2007", "hidden-password");

        Response list = api.get("/api/extensions", acme.admin());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.list("extensions")).extracting(e -> e.get("extension")).contains("2007");
        assertThat(list.text()).doesNotContain("hidden-password");
    }

    @Test
    void partialUpdateChangesOnlyTheGivenFieldsAndNullClearsThePin() {
        Map<String, Object> body = new HashMap<>(Map.of("extension", "2008", "password", "partial-pass",
                "displayName", "Before", "voicemailPin", "4321"));
        String id = api.post("/api/extensions", body, acme.admin()).string("extension.id");
        Map<String, Object> changes = new HashMap<>();
        changes.put("displayName", "After");
        changes.put("voicemailPin", null);

        api.put("/api/extensions/" + id, changes, acme.admin());
        Response fetched = api.get("/api/extensions/" + id, acme.admin());

        assertThat(fetched.string("extension.display_name")).isEqualTo("After");
        assertThat(fetched.at("extension.voicemail_pin_set")).isEqualTo(false);
        assertThat(fetched.at("extension.recording_enabled")).isEqualTo(true);
    }

    @Test
    void crmMappingStoresTheUserIdAndMetadataObject() {
        String id = platform.extension(acme, "2009", "crm-password").string("extension.id");

        Response mapped = api.put("/api/extensions/" + id + "/crm-mapping",
                Map.of("crmUserId", "crm-42", "crmMetadata", Map.of("team", "sales", "seat", 7)), acme.admin());

        assertThat(mapped.status()).isEqualTo(200);
        assertThat(mapped.string("extension.crm_user_id")).isEqualTo("crm-42");
        assertThat(mapped.string("extension.crm_metadata.team")).isEqualTo("sales");
    }

    @Test
    void manualPresenceIsSetAndShownOnTheExtension() {
        String id = platform.extension(acme, "2010", "presence-pass").string("extension.id");

        Response set = api.put("/api/extensions/" + id + "/presence", Map.of("status", "busy"), acme.admin());

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.at("ok")).isEqualTo(true);
        assertThat(set.string("extension")).isEqualTo("2010");
        assertThat(set.string("status")).isEqualTo("busy");
        assertThat(api.get("/api/extensions/" + id, acme.admin()).string("extension.presence")).isEqualTo("busy");
    }

    @Test
    void anExtensionUserSeesOnlyItsOwnExtensionAndCredentials() {
        String own = platform.extension(acme, "2011", "own-password").string("extension.id");
        String other = platform.extension(acme, "2012", "other-password").string("extension.id");
        Credential user = platform.extensionUser(acme, "2011", "own-password");

        assertThat(api.get("/api/extensions", user).list("extensions")).extracting(e -> e.get("id"))
                .containsExactly(own);
        assertThat(api.get("/api/extensions/" + own + "/sip-credentials", user).status()).isEqualTo(200);
        assertThat(api.get("/api/extensions/" + other, user).status()).isEqualTo(404);
        assertThat(api.post("/api/extensions", Map.of("extension", "2099", "password", "abcdefgh",
                "displayName", "No"), user).status()).isEqualTo(403);
    }

    @Test
    void aReadonlyKeyCannotReadSipCredentials() {
        String id = platform.extension(acme, "2013", "readonly-target-pass").string("extension.id");
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        for (Response response : sipCredentials(id, "2013", readonly)) {
            assertForbidden(response);
            assertThat(response.text()).doesNotContain("readonly-target-pass");
        }
    }

    @Test
    void anExtensionUserCannotReadAColleaguesSipCredentials() {
        platform.extension(acme, "2014", "user-own-pass");
        String colleague = platform.extension(acme, "2015", "colleague-secret").string("extension.id");
        Credential user = platform.extensionUser(acme, "2014", "user-own-pass");
        Credential userKey = platform.apiKey(acme, "user", List.of(), "2014");

        for (Credential credential : List.of(user, userKey)) {
            for (Response response : sipCredentials(colleague, "2015", credential)) {
                assertForbidden(response);
                assertThat(response.text()).doesNotContain("colleague-secret");
            }
            for (Response response : sipCredentials(idOf("2014"), "2014", credential)) {
                assertThat(response.status()).as(response.text()).isEqualTo(200);
                assertThat(response.string("sipCredentials.password")).isEqualTo("user-own-pass");
            }
        }
    }

    @Test
    void aKeyScopedToExtensionsReadCannotReadSipCredentials() {
        String id = platform.extension(acme, "2016", "scoped-target-pass").string("extension.id");
        Credential extensionsReader = platform.apiKey(acme, "admin", List.of("extensions:read"), null);

        assertThat(api.get("/api/extensions/" + id, extensionsReader).status()).isEqualTo(200);
        for (Response response : sipCredentials(id, "2016", extensionsReader)) {
            assertForbidden(response);
        }
    }

    @Test
    void anAdminKeyScopedToSipCredentialsReadReadsThemAndChangesNothing() {
        String id = platform.extension(acme, "2017", "crm-softphone-pass").string("extension.id");
        Credential crm = platform.apiKey(acme, "admin", List.of("sip-credentials:read"), null);

        for (Response response : sipCredentials(id, "2017", crm)) {
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.string("sipCredentials.password")).isEqualTo("crm-softphone-pass");
        }
        assertForbidden(api.put("/api/extensions/" + id, Map.of("displayName", "Changed"), crm));
    }

    @Test
    void aReadonlyKeyCannotBeGivenTheSipCredentialsScope() {
        Response created = api.post("/api/api-keys", Map.of("name", "readonly-crm", "role", "readonly",
                "scopes", List.of("extensions:read", "sip-credentials:read")), acme.admin());

        assertThat(created.status()).as(created.text()).isEqualTo(400);
        assertThat(created.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(created.string("details.0.field")).isEqualTo("scopes[1]");
    }

    private List<Response> sipCredentials(String id, String number, Credential credential) {
        return List.of(api.get("/api/extensions/" + id + "/sip-credentials", credential),
                api.get("/api/extensions/by-number/" + number + "/sip-credentials?tenantId=" + acme.id(), credential));
    }

    private String idOf(String number) {
        return api.get("/api/extensions", acme.admin()).list("extensions").stream()
                .filter(e -> number.equals(e.get("extension"))).map(e -> (String) e.get("id")).findFirst()
                .orElseThrow();
    }

    private static void assertForbidden(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(response.string("code")).isEqualTo("FORBIDDEN");
    }

    private Map<String, String> subscriber(String username, String domain) throws Exception {
        var db = api.database();
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var statement = connection.prepareStatement(
                     "SELECT password, ha1, ha1b FROM kamailio.subscriber WHERE username = ? AND domain = ?")) {
            statement.setString(1, username);
            statement.setString(2, domain);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Map.of();
                }
                return Map.of("password", rows.getString(1), "ha1", rows.getString(2), "ha1b", rows.getString(3));
            }
        }
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
