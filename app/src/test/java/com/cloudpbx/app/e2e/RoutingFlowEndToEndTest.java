package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whole call flows a tenant builds from routing resources, tried from the sandbox as the README
 * shows: a sandbox call to a DID takes the DID's route on the simulated switch, and the sandbox
 * reports each step it took.
 */
@ExtendWith(SharedApiServer.class)
class RoutingFlowEndToEndTest {

    private static final Duration RING_GROUP_TIMEOUT = Duration.ofSeconds(20);
    private static final AtomicInteger nextDid = new AtomicInteger(100);

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        platform.extension(acme, "1002", "sip-password-1002");
        created(api.post("/api/extensions", Map.of("extension", "1003", "password", "sip-password-1003",
                "displayName", "Reception", "voicemailEnabled", true), acme.admin()));
    }

    @Test
    void aCallDuringOpeningHoursRingsTheGroupThenLeavesAVoicemail() {
        String schedule = schedule("Always open " + nextDid.get(), List.of("monday", "tuesday", "wednesday",
                "thursday", "friday", "saturday", "sunday"));
        String group = created(api.post("/api/ring-groups", Map.of("name", "Sales " + nextDid.get(),
                "strategy", "simultaneous", "ringTimeout", 5, "noAnswerAction", "voicemail",
                "noAnswerTarget", "1003", "members", List.of(Map.of("extension", "1001"), Map.of("extension", "1002"))),
                acme.admin())).string("ringGroup.id");
        String did = did("ring_group", group, schedule);

        String call = sandboxCall("+15557650001", did);

        List<Map<String, Object>> route = routeUntil(call, "voicemail", RING_GROUP_TIMEOUT);
        assertThat(route).extracting(step -> step.get("action")).containsExactly("ring", "no_answer", "voicemail");
        assertThat(route.get(0).get("detail")).isEqualTo("1001,1002");
        assertThat(route.get(2).get("detail")).isEqualTo("1003");
    }

    @Test
    void aCallAfterHoursTakesTheSchedulesAfterHoursRoute() {
        String schedule = schedule("Never open " + nextDid.get(), List.of());
        String did = did("extension", "1001", schedule);

        String call = sandboxCall("+15557650002", did);

        assertThat(routeUntil(call, "voicemail", Eventually.TIMEOUT)).extracting(step -> step.get("action"))
                .containsExactly("voicemail");
    }

    @Test
    void anIvrKeySendsTheCallerToAQueueWhoseAgentAnswers() {
        String queue = created(api.post("/api/queues", Map.of("name", "Support " + nextDid.get(),
                "strategy", "ring-all", "agents", List.of(Map.of("extension", "1002"))), acme.admin()))
                .string("queue.id");
        ok(api.post("/api/queues/" + queue + "/agents/1002/login", null, acme.admin()));
        String menu = created(api.post("/api/ivr-menus", Map.of("name", "Main " + nextDid.get(),
                "greeting", "Thanks for calling. For support, press 2.",
                "options", List.of(Map.of("digit", "2", "action", "queue", "target", queue))), acme.admin()))
                .string("ivrMenu.id");
        String did = did("ivr", menu, null);
        String call = sandboxCall("+15557650003", did);
        routeUntil(call, "ivr", Eventually.TIMEOUT);

        ok(api.post("/api/sandbox/calls/" + call + "/dtmf", Map.of("digits", "2"), acme.admin()));

        Map<String, Object> agentLeg = Eventually.value(() -> api.get("/api/calls/active", acme.admin())
                .list("activeCalls").stream()
                .filter(leg -> call.equals(leg.get("call_uuid")) && "1002".equals(leg.get("extension")))
                .findFirst());
        ok(api.post("/api/sandbox/calls/" + agentLeg.get("uuid") + "/answer", null, acme.admin()));
        assertThat(routeUntil(call, "answered", Eventually.TIMEOUT)).extracting(step -> step.get("action"))
                .containsExactly("ivr", "key", "queue", "answered");
    }

    @Test
    void aBlockedCallerIsRefusedBeforeAnythingRings() {
        created(api.post("/api/blocklist", Map.of("number", "+15557659999", "direction", "inbound",
                "reason", "Spam"), acme.admin()));
        String did = did("extension", "1001", null);

        String call = sandboxCall("+15557659999", did);

        List<Map<String, Object>> route = routeUntil(call, "rejected", Eventually.TIMEOUT);
        assertThat(route).hasSize(1);
        assertThat((String) route.get(0).get("detail")).startsWith("blocked");
    }

    @Test
    void anotherTenantsDidIsNoSandboxDestination() {
        TenantFixture globex = platform.tenant();
        platform.extension(globex, "1001", "sip-password-g1001");
        String theirs = created(api.post("/api/dids", Map.of("number", "+1555765" + nextDid.incrementAndGet() + "0",
                "inboundRoute", "extension", "routeTarget", "1001"), globex.admin())).string("did.number");

        Response refused = api.post("/api/sandbox/calls", Map.of("from", "+15557650004", "to", theirs),
                acme.admin());

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("VALIDATION_FAILED");
    }

    private static String schedule(String name, List<String> openDays) {
        List<Map<String, Object>> days = openDays.stream().<Map<String, Object>>map(day -> Map.of("day", day,
                "enabled", true, "startTime", "00:00", "endTime", "00:00")).toList();
        return created(api.post("/api/schedules", Map.of("name", name, "timezone", "America/New_York",
                "schedules", days, "afterHoursAction", "voicemail", "afterHoursTarget", "1003"), acme.admin()))
                .string("schedule.id");
    }

    private static String did(String route, String target, String schedule) {
        Map<String, Object> body = new HashMap<>(Map.of("number", "+1555010" + nextDid.incrementAndGet() + "0",
                "inboundRoute", route, "routeTarget", target));
        if (schedule != null) {
            body.put("scheduleId", schedule);
        }
        return created(api.post("/api/dids", body, acme.admin())).string("did.number");
    }

    private static String sandboxCall(String from, String did) {
        return created(api.post("/api/sandbox/calls", Map.of("from", from, "to", did), acme.admin()))
                .string("callUuid");
    }

    private static List<Map<String, Object>> routeUntil(String call, String action, Duration timeout) {
        return Eventually.value(timeout, () -> {
            List<Map<String, Object>> route = ok(api.get("/api/sandbox/calls/" + call + "/route", acme.admin()))
                    .list("route");
            return route.stream().anyMatch(step -> action.equals(step.get("action")))
                    ? Optional.of(route) : Optional.empty();
        });
    }

    private static Response created(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response;
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response;
    }
}
