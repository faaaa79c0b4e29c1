package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An insider with a narrow credential tries to widen it, as an attacker holding one would: a key
 * scoped to {@code api-keys:write} goes for the tenant's full admin key, a readonly key harvests
 * every extension's SIP password (which is also its login password), and an extension user moves
 * its call into rooms that are not its own. Every attempt is refused, and afterwards the server is
 * healthy and nothing the attacker aimed at has changed.
 */
@ExtendWith(SharedApiServer.class)
class ScopedKeyEscalationAttackTest {

    private static final Map<String, String> PASSWORDS = Map.of("1001", "sip-pass-1001", "1002", "sip-pass-1002",
            "1003", "sip-pass-1003", "1004", "sip-pass-1004");

    private ApiServer api;
    private Platform platform;
    private TenantFixture acme;
    private String adminKeyId;
    private String adminKey;

    @BeforeEach
    void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        PASSWORDS.forEach((number, password) -> platform.extension(acme, number, password));
        Response created = api.post("/api/api-keys", Map.of("name", "production-admin", "role", "admin"),
                acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        adminKeyId = created.string("apiKey.id");
        adminKey = created.string("apiKey.key");
    }

    @Test
    void aKeyScopedToApiKeysWriteCannotTakeOverOrSwitchOffTheAdminKey() {
        Credential keyManager = platform.apiKey(acme, "admin", List.of("api-keys:write"), null);

        Response regenerated = api.post("/api/api-keys/" + adminKeyId + "/regenerate", Map.of(), keyManager);
        Response revoked = api.delete("/api/api-keys/" + adminKeyId, keyManager);
        Response minted = api.post("/api/api-keys", Map.of("name", "my-own-admin", "role", "admin"), keyManager);

        for (Response refused : List.of(regenerated, revoked, minted)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.string("code")).isEqualTo("FORBIDDEN");
            assertThat(refused.text()).doesNotContain("csk_live_");
        }
        assertThat(api.get("/api/extensions", Credential.apiKey(adminKey)).status())
                .as("the admin key still works with its old secret").isEqualTo(200);
        assertThat(api.get("/api/api-keys/" + adminKeyId, acme.admin()).string("apiKey.status")).isEqualTo("active");
        assertThat(api.get("/api/audit-log?resource=api_key", acme.admin()).list("entries"))
                .filteredOn(e -> adminKeyId.equals(e.get("resource_id")))
                .extracting(e -> e.get("action")).containsOnly("create");
        assertServerHealthyAndPasswordsUnchanged();
    }

    @Test
    void aReadonlyKeyHarvestsNoSipPasswordByIdOrByNumber() {
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);
        List<Map<String, Object>> extensions = api.get("/api/extensions", readonly).list("extensions");
        assertThat(extensions).hasSize(PASSWORDS.size());

        for (Map<String, Object> extension : extensions) {
            Response byId = api.get("/api/extensions/" + extension.get("id") + "/sip-credentials", readonly);
            Response byNumber = api.get("/api/extensions/by-number/" + extension.get("extension")
                    + "/sip-credentials?tenantId=" + acme.id(), readonly);
            for (Response refused : List.of(byId, byNumber)) {
                assertThat(refused.status()).as(refused.text()).isEqualTo(403);
                assertThat(refused.string("code")).isEqualTo("FORBIDDEN");
                PASSWORDS.values().forEach(password -> assertThat(refused.text()).doesNotContain(password));
            }
        }
        Response login = api.post("/api/auth/login", Map.of("username", "1002", "password", "guessed-password",
                "tenantId", acme.id()), Credential.NONE);
        assertThat(login.status()).as("without the password the account stays closed").isEqualTo(401);
        assertServerHealthyAndPasswordsUnchanged();
    }

    @Test
    void anExtensionUserCannotMoveItsCallIntoAColleaguesRoom() {
        String boardCall = answeredCall(acme, "1003", "1004");
        Response opened = api.post("/api/calls/" + boardCall + "/conference", Map.of("conferenceName", "board-room"),
                acme.admin());
        assertThat(opened.status()).as(opened.text()).isEqualTo(200);
        List<Object> boardMembers = awaitMembers(acme.admin(), "board-room", 1);
        String ownCall = answeredCall(acme, "1001", "1002");
        Credential user = platform.extensionUser(acme, "1001", PASSWORDS.get("1001"));

        Response moved = api.post("/api/calls/" + ownCall + "/conference", Map.of("conferenceName", "board-room"),
                user);
        Response joined = api.post("/api/conferences/board-room/join", Map.of("callUuid", ownCall), user);

        for (Response refused : List.of(moved, joined)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.string("code")).isEqualTo("FORBIDDEN");
        }
        assertThat(members(acme.admin(), "board-room")).as("nobody joined the board room")
                .isEqualTo(boardMembers);
        assertThat(activeLegs(acme.admin(), ownCall)).as("the user's call is where it was").hasSize(2)
                .allSatisfy(leg -> assertThat(leg.get("answered")).isEqualTo(true));
        assertServerHealthyAndPasswordsUnchanged();
    }

    @Test
    void anExtensionUserNamingAnotherTenantsRoomOnlyOpensARoomOfItsOwnTenant() {
        TenantFixture globex = platform.tenant();
        platform.extension(globex, "1001", "globex-pass-1001");
        platform.extension(globex, "1002", "globex-pass-1002");
        String theirCall = answeredCall(globex, "1001", "1002");
        assertThat(api.post("/api/calls/" + theirCall + "/conference", Map.of("conferenceName", "war-room"),
                globex.admin()).status()).isEqualTo(200);
        List<Object> theirMembers = awaitMembers(globex.admin(), "war-room", 1);
        String ownCall = answeredCall(acme, "1001", "1002");
        Credential user = platform.extensionUser(acme, "1001", PASSWORDS.get("1001"));

        Response moved = api.post("/api/calls/" + ownCall + "/conference", Map.of("conferenceName", "war-room"),
                user);

        assertThat(moved.status()).as("a room of that name is new in the user's own tenant").isEqualTo(200);
        assertThat(members(globex.admin(), "war-room")).as("the other tenant's room is untouched")
                .isEqualTo(theirMembers);
        assertThat(awaitMembers(acme.admin(), "war-room", 1)).doesNotContainAnyElementsOf(theirMembers);
        assertServerHealthyAndPasswordsUnchanged();
    }

    private void assertServerHealthyAndPasswordsUnchanged() {
        assertThat(api.get("/health", Credential.NONE).status()).isEqualTo(200);
        PASSWORDS.forEach((number, password) -> {
            Response credentials = api.get("/api/extensions/by-number/" + number + "/sip-credentials?tenantId="
                    + acme.id(), Credential.apiKey(adminKey));
            assertThat(credentials.status()).as(credentials.text()).isEqualTo(200);
            assertThat(credentials.string("sipCredentials.password")).isEqualTo(password);
        });
    }

    /** Originates and waits until both legs are answered and bridged; returns the first leg's uuid. */
    private String answeredCall(TenantFixture tenant, String from, String to) {
        Response originated = api.post("/api/calls/originate", Map.of("fromExtension", from, "toNumber", to),
                tenant.admin());
        assertThat(originated.status()).as(originated.text()).isEqualTo(200);
        String call = originated.string("callUuid");
        Eventually.value(() -> {
            List<Map<String, Object>> legs = activeLegs(tenant.admin(), call);
            return legs.size() == 2 && legs.stream().allMatch(l -> l.get("bridged_to") != null)
                    ? Optional.of(true) : Optional.empty();
        });
        return call;
    }

    private List<Map<String, Object>> activeLegs(Credential credential, String call) {
        Response active = api.get("/api/calls/active", credential);
        assertThat(active.status()).as(active.text()).isEqualTo(200);
        return active.list("activeCalls").stream().filter(l -> call.equals(l.get("call_uuid"))).toList();
    }

    private List<Object> awaitMembers(Credential credential, String room, int atLeast) {
        return Eventually.value(() -> Optional.of(members(credential, room)).filter(m -> m.size() >= atLeast));
    }

    /** The room's members' leg uuids, in the order the switch lists them; empty when there is no such room. */
    private List<Object> members(Credential credential, String room) {
        Response conference = api.get("/api/conferences/" + room, credential);
        if (conference.status() == 404) {
            return List.of();
        }
        assertThat(conference.status()).as(conference.text()).isEqualTo(200);
        Map<Object, Object> ordered = new LinkedHashMap<>();
        conference.list("conference.members").forEach(m -> ordered.put(m.get("uuid"), m));
        return List.copyOf(ordered.keySet());
    }
}
