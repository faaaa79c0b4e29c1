package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node whose Redis (of the test's own) stops while a call is up, and comes back: the call goes on
 * and ends with its record, /health names Redis, what needs the shared state answers 503, and
 * the node is whole again once Redis is back, without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(20);

    private static RedisServer redis;
    private static ApiServer api;
    private static TenantFixture acme;
    private static String callUp;

    @BeforeAll
    static void start() {
        redis = RedisServer.startOwn();
        api = ApiServer.start(Map.of("voip.redis.url", redis.url(), "voip.redis.key-prefix", RedisServer.uniquePrefix(),
                "voip.redis.command-timeout-ms", 500));
        Platform platform = new Platform(api);
        acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        callUp = answeredSandboxCall("+15557650001");
        redis.stop();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void healthNamesRedisWhileItIsDown() {
        Response health = Eventually.value(() -> Optional.of(api.get("/health", Credential.NONE))
                .filter(response -> response.status() == 503));

        assertThat(health.text()).contains("\"redis\":\"DOWN\"").doesNotContain(String.valueOf(redis.port()));
    }

    @Test
    @Order(2)
    void parkingACallNeedsTheSharedSlotsAndAnswers503() {
        Response parked = api.post("/api/calls/" + callUp + "/park", Map.of(), acme.admin());

        assertThat(parked.status()).as(parked.text()).isEqualTo(503);
        assertThat(parked.string("code")).isEqualTo("BACKEND_UNAVAILABLE");
    }

    @Test
    @Order(3)
    void listingLiveCallsNeedsTheSharedStateAndAnswers503() {
        Response active = api.get("/api/calls/active", acme.admin());

        assertThat(active.status()).as(active.text()).isEqualTo(503);
        assertThat(active.string("code")).isEqualTo("BACKEND_UNAVAILABLE");
    }

    @Test
    @Order(4)
    void theCallThatWasUpEndsWithItsRecord() {
        Response hungUp = api.post("/api/sandbox/calls/" + callUp + "/hangup", null, acme.admin());

        assertThat(hungUp.status()).as(hungUp.text()).isEqualTo(200);
        assertThat(record(callUp)).containsEntry("status", "completed");
    }

    @Test
    @Order(5)
    void aCallPlacedWhileRedisIsDownIsStillTrackedToItsRecord() {
        Response placed = api.post("/api/sandbox/calls", Map.of("from", "+15557650003", "to", "1001"), acme.admin());
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String caller = placed.string("callUuid");

        Response hungUp = api.post("/api/sandbox/calls/" + caller + "/hangup", null, acme.admin());

        assertThat(hungUp.status()).as(hungUp.text()).isEqualTo(200);
        assertThat(record(caller)).containsEntry("caller_id_number", "+15557650003");
    }

    @Test
    @Order(6)
    void onceRedisIsBackTheNodeIsWholeAgainWithoutARestart() {
        redis.start();

        Eventually.value(RECOVERY, () -> Optional.of(api.get("/health", Credential.NONE))
                .filter(response -> response.status() == 200));
        // The live state takes Redis back at its next probe, at most a second after Redis answers.
        Eventually.value(RECOVERY, () -> Optional.of(api.get("/api/calls/active", acme.admin()))
                .filter(response -> response.status() == 200));
        String call = answeredSandboxCall("+15557650002");
        Response parked = Eventually.value(RECOVERY, () -> Optional.of(
                api.post("/api/calls/" + call + "/park", Map.of(), acme.admin())).filter(r -> r.status() == 200));

        assertThat(parked.string("slot")).isNotBlank();
        assertThat(activeLegs()).noneSatisfy(leg -> assertThat(leg.get("uuid")).isEqualTo(callUp));
    }

    /** An inbound sandbox call to 1001, answered; returns the caller's leg. */
    private static String answeredSandboxCall(String from) {
        Response placed = api.post("/api/sandbox/calls", Map.of("from", from, "to", "1001"), acme.admin());
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String caller = placed.string("callUuid");
        Map<String, Object> ringing = Eventually.value(() -> activeLegs().stream()
                .filter(leg -> caller.equals(leg.get("call_uuid")) && !caller.equals(leg.get("uuid"))).findFirst());
        Response answered = api.post("/api/sandbox/calls/" + ringing.get("uuid") + "/answer", null, acme.admin());
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        Eventually.value(() -> activeLegs().stream()
                .filter(leg -> ringing.get("uuid").equals(leg.get("uuid")) && Boolean.TRUE.equals(leg.get("answered")))
                .findFirst());
        return caller;
    }

    private static List<Map<String, Object>> activeLegs() {
        Response active = api.get("/api/calls/active", acme.admin());
        assertThat(active.status()).as(active.text()).isEqualTo(200);
        return active.list("activeCalls");
    }

    private static Map<String, Object> record(String call) {
        return Eventually.value(() -> {
            Response listed = api.get("/api/calls?limit=100", acme.admin());
            return listed.status() != 200 ? Optional.empty()
                    : listed.list("calls").stream().filter(c -> call.equals(c.get("call_uuid"))).findFirst();
        });
    }
}
