package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Presence over the real server on the simulated switch, whose phones are registered except
 * extension 1098: derived from registrations, live calls, do-not-disturb and the presence set by hand.
 */
@ExtendWith(SharedApiServer.class)
class PresenceEndpointsTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;
    private static TenantFixture globex;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        for (String number : List.of("1001", "1002", "1003", "1004", "1098")) {
            platform.extension(acme, number, "sip-password-" + number);
        }
        globex = platform.tenant();
        platform.extension(globex, "2001", "sip-password-2001");
    }

    @Test
    void anIdleExtensionWithARegisteredPhoneIsAvailable() {
        assertThat(presence(acme.admin()).get("1003")).isEqualTo("available");
    }

    @Test
    void anExtensionWithoutARegisteredPhoneIsOffline() {
        assertThat(presence(acme.admin()).get("1098")).isEqualTo("offline");
    }

    @Test
    void bothEndsOfAnAnsweredCallAreOnACallWithItsDetails() {
        String call = ok(api.post("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                acme.admin())).string("callUuid");

        Map<String, Object> detailed = Eventually.value(() -> {
            Map<String, Object> now = ok(api.get("/api/presence/detailed", acme.admin())).object("presence");
            return "on_call".equals(status(now, "1001")) && "on_call".equals(status(now, "1002"))
                    ? Optional.of(now) : Optional.empty();
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> callee = (Map<String, Object>) detailed.get("1002");
        assertThat(callee.get("callUuid")).isEqualTo(call);
        assertThat(callee.get("direction")).isEqualTo("internal");
        assertThat((String) callee.get("since")).endsWith("Z");
        ok(api.post("/api/calls/" + call + "/hangup", null, acme.admin()));
    }

    @Test
    void doNotDisturbShowsAsSuch() {
        String id = extensionId("1004");
        ok(api.put("/api/extensions/" + id, Map.of("doNotDisturb", true), acme.admin()));

        assertThat(presence(acme.admin()).get("1004")).isEqualTo("do_not_disturb");
        ok(api.put("/api/extensions/" + id, Map.of("doNotDisturb", false), acme.admin()));
    }

    @Test
    void busySetByHandShowsWhileNoCallIsUp() {
        String id = extensionId("1003");
        ok(api.put("/api/extensions/" + id + "/presence", Map.of("status", "busy"), acme.admin()));

        assertThat(presence(acme.admin()).get("1003")).isEqualTo("busy");
        ok(api.put("/api/extensions/" + id + "/presence", Map.of("status", "available"), acme.admin()));
    }

    @Test
    void anIdleExtensionHasNoCallDetails() {
        Map<String, Object> detailed = ok(api.get("/api/presence/detailed", acme.admin())).object("presence");

        @SuppressWarnings("unchecked")
        Map<String, Object> offline = (Map<String, Object>) detailed.get("1098");
        assertThat(offline).containsEntry("status", "offline").containsEntry("callUuid", null)
                .containsEntry("since", null);
    }

    @Test
    void aTenantSeesOnlyItsOwnExtensions() {
        assertThat(presence(acme.admin())).containsKeys("1001", "1098").doesNotContainKey("2001");
        assertThat(presence(globex.admin())).containsOnlyKeys("2001");
    }

    @Test
    void aUserSeesOnlyItsOwnExtension() {
        Credential user = platform.apiKey(acme, "user", List.of(), "1003");

        assertThat(presence(user)).containsOnlyKeys("1003");
    }

    @Test
    void aReadonlyKeyMayReadPresence() {
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        assertThat(presence(readonly)).containsKey("1001");
    }

    @Test
    void aCredentialNamingAnotherTenantIs403() {
        Response refused = api.get("/api/presence", acme.admin().inTenant(globex.id()));

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    }

    @Test
    void aKeyScopedToPresenceMayReadIt() {
        Credential scoped = platform.apiKey(acme, "admin", List.of("presence:read"), null);

        assertThat(presence(scoped)).containsKey("1001");
    }

    @Test
    void aKeyScopedToAnotherResourceIs403() {
        Credential scoped = platform.apiKey(acme, "admin", List.of("dids:read"), null);

        assertThat(api.get("/api/presence/detailed", scoped).status()).isEqualTo(403);
    }

    @Test
    void aSuperadminActsInTheTenantItNames() {
        assertThat(presence(platform.superadmin().inTenant(globex.id()))).containsOnlyKeys("2001");
    }

    @Test
    void withoutCredentialsPresenceIs401() {
        assertThat(api.get("/api/presence", Credential.NONE).status()).isEqualTo(401);
    }

    private static Map<String, Object> presence(Credential credential) {
        return ok(api.get("/api/presence", credential)).object("presence");
    }

    @SuppressWarnings("unchecked")
    private static String status(Map<String, Object> detailed, String extension) {
        Object entry = detailed.get(extension);
        return entry instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("status") : null;
    }

    private static String extensionId(String number) {
        return ok(api.get("/api/extensions", acme.admin())).list("extensions").stream()
                .filter(extension -> number.equals(extension.get("extension")))
                .map(extension -> (String) extension.get("id")).findFirst().orElseThrow();
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response;
    }
}
