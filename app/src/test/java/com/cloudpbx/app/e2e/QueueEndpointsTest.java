package com.cloudpbx.app.e2e;

import static com.cloudpbx.app.support.EventSocket.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class QueueEndpointsTest {

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
    void createReturnsTheQueueInSnakeCaseWithItsDefaultsAndLoggedOutAgents() {
        Response created = api.post("/api/queues", Map.of("name", "Support " + suffix(), "agents",
                List.of(Map.of("extension", "1001"), Map.of("extension", "1002", "tierLevel", 2, "tierPosition", 3))),
                acme.admin());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("queue.tenant_id")).isEqualTo(acme.id());
        assertThat(created.string("queue.strategy")).isEqualTo("ring-all");
        assertThat(created.at("queue.max_wait_seconds")).isEqualTo(300);
        assertThat(created.string("queue.moh")).isEqualTo("local_stream://moh");
        assertThat(created.string("queue.timeout_action")).isEqualTo("hangup");
        assertThat(created.at("queue.timeout_target")).isNull();
        assertThat(created.list("queue.agents")).containsExactly(
                Map.of("extension", "1001", "tier_level", 1, "tier_position", 1, "status", "logged_out"),
                Map.of("extension", "1002", "tier_level", 2, "tier_position", 3, "status", "logged_out"));
        assertThat(created.string("queue.created_at")).isNotBlank();
    }

    @Test
    void aQueueIsReadBackByIdAndListed() {
        String id = queue("Listed " + suffix(), "1001").string("queue.id");

        Response got = api.get("/api/queues/" + id, acme.admin());

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.list("queue.agents")).extracting(a -> a.get("extension")).containsExactly("1001");
        assertThat(api.get("/api/queues", acme.admin()).list("queues")).extracting(q -> q.get("id")).contains(id);
    }

    @Test
    void anUpdateReplacesTheAgentsAndKeepsTheStatusOfThoseWhoStay() {
        String id = queue("Changing " + suffix(), "1001", "1002").string("queue.id");
        assertThat(agent(id, "1001", "login", acme.admin()).status()).isEqualTo(200);

        Response updated = api.put("/api/queues/" + id, Map.of("strategy", "round-robin", "maxWaitSeconds", 60,
                "timeoutAction", "extension", "timeoutTarget", "1003",
                "agents", List.of(Map.of("extension", "1003"), Map.of("extension", "1001", "tierLevel", 2))),
                acme.admin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("message")).isEqualTo("Queue updated");
        assertThat(updated.string("queue.strategy")).isEqualTo("round-robin");
        assertThat(updated.at("queue.max_wait_seconds")).isEqualTo(60);
        assertThat(updated.string("queue.timeout_target")).isEqualTo("1003");
        assertThat(updated.list("queue.agents")).containsExactly(
                Map.of("extension", "1003", "tier_level", 1, "tier_position", 1, "status", "logged_out"),
                Map.of("extension", "1001", "tier_level", 2, "tier_position", 1, "status", "available"));
        assertThat(api.get("/api/queues/" + id, acme.admin()).list("queue.agents")).hasSize(2);
    }

    @Test
    void deleteRemovesTheQueue() {
        String id = queue("Doomed " + suffix()).string("queue.id");

        Response deleted = api.delete("/api/queues/" + id, acme.admin());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.string("message")).isEqualTo("Queue deleted");
        assertThat(api.get("/api/queues/" + id, acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void aQueueAnIvrMenuStillSendsCallsToCannotBeDeleted() {
        String name = "Targeted " + suffix();
        String id = queue(name).string("queue.id");
        Response menu = api.post("/api/ivr-menus", Map.of("name", "Front " + suffix(), "greeting", "Hi",
                "options", List.of(Map.of("digit", "1", "action", "queue", "target", name))), acme.admin());
        assertThat(menu.string("ivrMenu.options.0.target")).isEqualTo(id);

        Response refused = api.delete("/api/queues/" + id, acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("IN_USE");
        assertThat(refused.string("error")).contains(menu.string("ivrMenu.name"));
    }

    @Test
    void aDuplicateNameIsRefused() {
        String name = "Twice " + suffix();
        queue(name);

        Response duplicate = api.post("/api/queues", Map.of("name", name), acme.admin());

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE");
        assertThat(duplicate.string("error")).contains(name);
    }

    @Test
    void badInputIsAValidationErrorNamingTheField() {
        assertInvalid(Map.of("strategy", "ring-all"), "name");
        assertInvalid(Map.of("name", "S " + suffix(), "strategy", "loudest-first"), "strategy");
        assertInvalid(Map.of("name", "W " + suffix(), "maxWaitSeconds", 5), "maxWaitSeconds");
        assertInvalid(Map.of("name", "W2 " + suffix(), "maxWaitSeconds", 86_401), "maxWaitSeconds");
        assertInvalid(Map.of("name", "T " + suffix(), "timeoutAction", "conference", "timeoutTarget", "room"),
                "timeoutAction");
        assertInvalid(Map.of("name", "T2 " + suffix(), "timeoutAction", "extension"), "timeoutTarget");
        assertInvalid(Map.of("name", "A " + suffix(), "agents", List.of(Map.of("extension", "9999"))),
                "agents[0].extension");
        assertInvalid(Map.of("name", "A2 " + suffix(), "agents",
                List.of(Map.of("extension", "1001"), Map.of("extension", "1001"))), "agents[1].extension");
        assertInvalid(Map.of("name", "A3 " + suffix(), "agents",
                List.of(Map.of("extension", "1001", "tierLevel", 10))), "agents[0].tierLevel");
        assertInvalid(Map.of("name", "A4 " + suffix(), "agents",
                List.of(Map.of("extension", "1001", "tierPosition", 0))), "agents[0].tierPosition");
    }

    @Test
    void anotherTenantsQueueIsNotFound() {
        TenantFixture globex = platform.tenant();
        platform.extension(globex, "1001", "their-password");
        String theirs = api.post("/api/queues", Map.of("name", "Theirs", "agents", List.of(Map.of("extension", "1001"))),
                globex.admin()).string("queue.id");

        assertThat(api.get("/api/queues/" + theirs, acme.admin()).status()).isEqualTo(404);
        assertThat(api.put("/api/queues/" + theirs, Map.of("name", "Mine"), acme.admin()).status()).isEqualTo(404);
        assertThat(api.delete("/api/queues/" + theirs, acme.admin()).status()).isEqualTo(404);
        assertThat(agent(theirs, "1001", "login", acme.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/queues/" + theirs + "/stats", acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void aReadonlyKeyMayReadButNotWriteNorMoveAgents() {
        String id = queue("Readable " + suffix(), "1001").string("queue.id");
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        assertThat(api.get("/api/queues", readonly).status()).isEqualTo(200);
        assertThat(api.get("/api/queues/" + id, readonly).status()).isEqualTo(200);
        assertThat(api.get("/api/queues/" + id + "/stats", readonly).status()).isEqualTo(200);
        assertThat(api.post("/api/queues", Map.of("name", "Nope"), readonly).status()).isEqualTo(403);
        assertThat(api.put("/api/queues/" + id, Map.of("name", "Nope"), readonly).status()).isEqualTo(403);
        assertThat(api.delete("/api/queues/" + id, readonly).status()).isEqualTo(403);
        assertThat(agent(id, "1001", "login", readonly).status()).isEqualTo(403);
    }

    @Test
    void anExtensionUserMayNotReadNorChangeQueues() {
        String id = queue("Hidden " + suffix(), "1001").string("queue.id");
        Credential user = platform.apiKey(acme, "user", List.of(), "1001");

        assertThat(api.get("/api/queues", user).status()).isEqualTo(403);
        assertThat(api.get("/api/queues/" + id, user).status()).isEqualTo(403);
        assertThat(api.get("/api/queues/" + id + "/stats", user).status()).isEqualTo(403);
        assertThat(api.post("/api/queues", Map.of("name", "Nope"), user).status()).isEqualTo(403);
        assertThat(api.delete("/api/queues/" + id, user).status()).isEqualTo(403);
    }

    @Test
    void anAgentLogsInPausesUnpausesAndLogsOut() {
        String id = queue("Shift " + suffix(), "1001").string("queue.id");

        Response login = agent(id, "1001", "login", acme.admin());
        Response pause = agent(id, "1001", "pause", acme.admin());
        Response unpause = agent(id, "1001", "unpause", acme.admin());
        Response logout = agent(id, "1001", "logout", acme.admin());

        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(login.string("message")).isEqualTo("Agent 1001 logged in");
        assertThat(login.string("agent.status")).isEqualTo("available");
        assertThat(pause.string("agent.status")).isEqualTo("paused");
        assertThat(unpause.string("agent.status")).isEqualTo("available");
        assertThat(logout.string("agent.status")).isEqualTo("logged_out");
        assertThat(logout.string("agent.extension")).isEqualTo("1001");
        assertThat(api.get("/api/queues/" + id, acme.admin()).string("queue.agents.0.status")).isEqualTo("logged_out");
    }

    @Test
    void anInvalidTransitionIsRefusedAndChangesNothing() {
        String id = queue("Strict " + suffix(), "1001").string("queue.id");

        Response pause = agent(id, "1001", "pause", acme.admin());
        agent(id, "1001", "login", acme.admin());
        Response secondLogin = agent(id, "1001", "login", acme.admin());

        assertThat(pause.status()).isEqualTo(400);
        assertThat(pause.string("code")).isEqualTo("INVALID_STATE");
        assertThat(secondLogin.status()).isEqualTo(400);
        assertThat(secondLogin.string("code")).isEqualTo("INVALID_STATE");
        assertThat(api.get("/api/queues/" + id, acme.admin()).string("queue.agents.0.status")).isEqualTo("available");
    }

    @Test
    void anExtensionThatIsNoAgentOfTheQueueIsNotFound() {
        String id = queue("Small " + suffix(), "1001").string("queue.id");

        assertThat(agent(id, "1002", "login", acme.admin()).status()).isEqualTo(404);
        assertThat(agent(id, "1001", "dance", acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void anExtensionUserMovesItsOwnAgentOnly() {
        String id = queue("Self service " + suffix(), "1001", "1002").string("queue.id");
        Credential user = platform.apiKey(acme, "user", List.of(), "1001");
        Credential token = platform.extensionUser(acme, "1001", "sip-password-1001");

        Response own = agent(id, "1001", "login", user);
        Response ownByToken = agent(id, "1001", "pause", token);
        Response colleague = agent(id, "1002", "login", user);

        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(ownByToken.status()).as(ownByToken.text()).isEqualTo(200);
        assertThat(colleague.status()).isEqualTo(404);
        assertThat(api.get("/api/queues/" + id, acme.admin()).list("queue.agents"))
                .extracting(a -> a.get("status")).containsExactly("paused", "logged_out");
    }

    @Test
    void aUserKeyNarrowedToOtherScopesMayNotMoveItsOwnAgent() {
        String id = queue("Scoped " + suffix(), "1001").string("queue.id");
        Credential callsOnly = platform.apiKey(acme, "user", List.of("calls:read"), "1001");

        Response refused = agent(id, "1001", "login", callsOnly);

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(api.get("/api/queues/" + id, acme.admin()).string("queue.agents.0.status")).isEqualTo("logged_out");
    }

    @Test
    void agentChangesReachTheTenantsSocketsAndAUserSeesOnlyItsOwn() throws Exception {
        String name = "Live " + suffix();
        String id = queue(name, "1001", "1002").string("queue.id");
        Credential user1002 = platform.apiKey(acme, "user", List.of(), "1002");
        TenantFixture globex = platform.tenant();

        try (EventSocket admin = EventSocket.connected(api, acme.admin());
             EventSocket own = EventSocket.connected(api, user1002);
             EventSocket stranger = EventSocket.connected(api, globex.admin())) {
            agent(id, "1001", "login", acme.admin());
            agent(id, "1002", "login", acme.admin());
            agent(id, "1002", "pause", acme.admin());

            Map<String, Object> login = admin.await(agentEvent("queue_agent_login", id, "1001"));
            assertThat(data(login)).isEqualTo(Map.of("queue_id", id, "queue", name, "extension", "1001",
                    "status", "available"));
            assertThat(login.get("timestamp")).isNotNull();
            Map<String, Object> paused = own.await(agentEvent("queue_agent_pause", id, "1002"));
            assertThat(data(paused).get("status")).isEqualTo("paused");
            admin.await(agentEvent("queue_agent_pause", id, "1002"));
            assertThat(own.messages()).noneMatch(agentEvent("queue_agent_login", id, "1001"));
            assertThat(stranger.messages()).noneMatch(e -> String.valueOf(e.get("type")).startsWith("queue_agent"));
        }
    }

    @Test
    void statsCountTheAgentsByStatusAndTheCallersWaiting() {
        String id = queue("Counted " + suffix(), "1001", "1002", "1003").string("queue.id");
        agent(id, "1001", "login", acme.admin());
        agent(id, "1002", "login", acme.admin());
        agent(id, "1002", "pause", acme.admin());

        Response stats = api.get("/api/queues/" + id + "/stats", acme.admin());

        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        assertThat(stats.at("stats.waiting")).isEqualTo(0);
        assertThat(stats.at("stats.longestWaitSeconds")).isEqualTo(0);
        assertThat(stats.object("stats.agents")).isEqualTo(Map.of("available", 1, "busy", 0, "paused", 1,
                "logged_out", 1));
    }

    @Test
    void aSuperadminActsInTheTenantItNames() {
        Credential superadmin = platform.superadmin();

        Response created = api.post("/api/queues", Map.of("name", "Platform " + suffix(),
                "agents", List.of(Map.of("extension", "1001"))), superadmin.inTenant(acme.id()));
        String id = created.string("queue.id");
        Response login = agent(id, "1001", "login", superadmin.inTenant(acme.id()));
        Response withoutTenant = api.post("/api/queues", Map.of("name", "Nowhere"), superadmin);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(withoutTenant.status()).isEqualTo(400);
        assertThat(withoutTenant.string("code")).isEqualTo("TENANT_REQUIRED");
        assertThat(api.get("/api/queues", superadmin).list("queues")).filteredOn(q -> q.get("id").equals(id))
                .singleElement().satisfies(q -> assertThat(q.get("tenants")).isNotNull());
    }

    private static Predicate<Map<String, Object>> agentEvent(String type, String queueId, String extension) {
        return e -> type.equals(e.get("type")) && queueId.equals(data(e).get("queue_id"))
                && extension.equals(data(e).get("extension"));
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        Response refused = api.post("/api/queues", body, acme.admin());
        assertThat(refused.status()).as(body + " -> " + refused.text()).isEqualTo(400);
        assertThat(refused.string("code")).as(refused.text()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.string("details.0.field")).as(refused.text()).isEqualTo(field);
    }

    private static Response agent(String queueId, String extension, String action, Credential credential) {
        return api.post("/api/queues/" + queueId + "/agents/" + extension + "/" + action, Map.of(), credential);
    }

    private static Response queue(String name, String... agents) {
        Response created = api.post("/api/queues", Map.of("name", name, "agents",
                java.util.Arrays.stream(agents).map(number -> Map.of("extension", number)).toList()), acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
