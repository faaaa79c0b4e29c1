package com.cloudpbx.app.e2e;

import static com.cloudpbx.app.support.EventSocket.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code presence_change} over a real events socket on the simulated switch: a sandbox call to an
 * extension, the presence set by hand and do-not-disturb each raise one event per change, to the
 * tenant's admin and to the extension's own user only.
 */
@ExtendWith(SharedApiServer.class)
class PresenceChangeEndToEndTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        for (String number : List.of("1001", "1002", "1003")) {
            platform.extension(acme, number, "sip-password-" + number);
        }
    }

    @Test
    void aSandboxCallRaisesRingingOnCallAndAvailableOnceEachToTheAdminAndNotToAnotherUser() throws Exception {
        Credential user1002 = platform.apiKey(acme, "user", List.of(), "1002");
        TenantFixture globex = platform.tenant();
        try (EventSocket admin = EventSocket.connected(api, acme.admin());
             EventSocket other = EventSocket.connected(api, user1002);
             EventSocket stranger = EventSocket.connected(api, globex.admin())) {
            Response placed = api.post("/api/sandbox/calls", Map.of("from", "+15557654321", "to", "1001"),
                    acme.admin());
            assertThat(placed.status()).as(placed.text()).isEqualTo(201);
            admin.await(change("1001", "available", "ringing"));
            String rung = Eventually.value(() -> activeLegs().stream()
                    .filter(l -> "1001".equals(l.get("extension"))).map(l -> (String) l.get("uuid")).findFirst());
            ok(api.post("/api/sandbox/calls/" + rung + "/answer", null, acme.admin()));
            admin.await(change("1001", "ringing", "on_call"));
            ok(api.post("/api/sandbox/calls/" + placed.string("callUuid") + "/hangup", null, acme.admin()));
            admin.await(change("1001", "on_call", "available"));

            assertThat(changes(admin, "1001")).containsExactly("available->ringing", "ringing->on_call",
                    "on_call->available");
            assertThat(changes(other, "1001")).isEmpty();
            assertThat(stranger.messages()).noneMatch(e -> "presence_change".equals(e.get("type")));
        }
    }

    @Test
    void aUserSeesTheChangesOfItsOwnExtensionOnly() throws Exception {
        Credential user1003 = platform.apiKey(acme, "user", List.of(), "1003");
        String id1002 = extensionId("1002");
        String id1003 = extensionId("1003");
        try (EventSocket own = EventSocket.connected(api, user1003);
             EventSocket admin = EventSocket.connected(api, acme.admin())) {
            ok(api.put("/api/extensions/" + id1002, Map.of("doNotDisturb", true), acme.admin()));
            ok(api.put("/api/extensions/" + id1003 + "/presence", Map.of("status", "busy"), user1003));
            ok(api.put("/api/extensions/" + id1003 + "/presence", Map.of("status", "available"), user1003));
            ok(api.put("/api/extensions/" + id1002, Map.of("doNotDisturb", false), acme.admin()));

            admin.await(change("1002", "do_not_disturb", "available"));
            own.await(change("1003", "busy", "available"));
            assertThat(changes(admin, "1002")).containsExactly("available->do_not_disturb",
                    "do_not_disturb->available");
            assertThat(changes(admin, "1003")).containsExactly("available->busy", "busy->available");
            assertThat(own.messages()).filteredOn(e -> "presence_change".equals(e.get("type")))
                    .extracting(e -> data(e).get("extension")).containsOnly("1003").hasSize(2);
        }
    }

    @Test
    void aChangeThatLeavesThePresenceAsItWasRaisesNothing() throws Exception {
        String id = extensionId("1001");
        try (EventSocket admin = EventSocket.connected(api, acme.admin())) {
            ok(api.put("/api/extensions/" + id, Map.of("displayName", "Renamed"), acme.admin()));
            ok(api.put("/api/extensions/" + id + "/presence", Map.of("status", "busy"), acme.admin()));

            admin.await(change("1001", "available", "busy"));
            assertThat(changes(admin, "1001")).containsExactly("available->busy");
            ok(api.put("/api/extensions/" + id + "/presence", Map.of("status", "available"), acme.admin()));
            admin.await(change("1001", "busy", "available"));
        }
    }

    private static Predicate<Map<String, Object>> change(String extension, String from, String to) {
        return e -> "presence_change".equals(e.get("type")) && extension.equals(data(e).get("extension"))
                && from.equals(data(e).get("previous_status")) && to.equals(data(e).get("status"));
    }

    private static List<String> changes(EventSocket socket, String extension) {
        return socket.messages().stream()
                .filter(e -> "presence_change".equals(e.get("type")) && extension.equals(data(e).get("extension")))
                .map(e -> data(e).get("previous_status") + "->" + data(e).get("status")).toList();
    }

    private static List<Map<String, Object>> activeLegs() {
        return ok(api.get("/api/calls/active", acme.admin())).list("activeCalls");
    }

    private static String extensionId(String number) {
        return ok(api.get("/api/extensions", acme.admin())).list("extensions").stream()
                .filter(e -> number.equals(e.get("extension"))).map(e -> (String) e.get("id")).findFirst()
                .orElseThrow();
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 201);
        return response;
    }
}
