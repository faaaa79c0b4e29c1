package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.ServerProcess;
import com.cloudpbx.freeswitch.media.EslMediaServer;
import com.cloudpbx.freeswitch.media.ScriptedFreeSwitch;
import com.cloudpbx.storage.testing.RedisServer;
import com.cloudpbx.storage.testing.TestDatabase;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two API nodes on one PostgreSQL and one Redis, both connected to one switch (the scripted
 * FreeSWITCH over the Event Socket): node A is a process of its own, started first so that it
 * applies the switch's events; node B runs in this JVM. What one node does, the other sees and can
 * act on; when node A is killed, node B takes the switch's events over. The kill comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesEndToEndTest {

    private static final String PASSWORD = "two-nodes-esl-password";
    private static final Duration TAKEOVER = Duration.ofSeconds(10);

    private static final String PREFIX = RedisServer.uniquePrefix();
    private static ScriptedFreeSwitch freeSwitch;
    private static int switchPort;
    private static ServerProcess nodeA;
    private static ApiServer nodeB;
    private static TenantFixture acme;
    private static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        TestDatabase.Database database = TestDatabase.freshDatabase();
        freeSwitch = new ScriptedFreeSwitch(UUID.randomUUID(), "unknown.sip.test", PASSWORD);
        switchPort = freeSwitch.start();
        dataDir = Files.createTempDirectory("voip-node-a");
        nodeA = ServerProcess.start(dataDir, nodeAEnvironment(database), dataDir.resolve("console.log"));
        Eventually.value(TAKEOVER, () -> leaseHolder().isPresent() ? Optional.of(true) : Optional.empty());
        nodeB = ApiServer.start(database, Map.of(
                "voip.freeswitch.hosts", "127.0.0.1:" + switchPort + ":" + PASSWORD,
                "voip.freeswitch.event-lease-seconds", 2,
                "voip.redis.url", RedisServer.shared().url(),
                "voip.redis.key-prefix", PREFIX));
        Platform platform = new Platform(nodeB);
        acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        platform.extension(acme, "1002", "sip-password-1002");
        freeSwitch.useTenant(UUID.fromString(acme.id()), acme.sipDomain());
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (freeSwitch != null) {
            freeSwitch.close();
        }
    }

    @Test
    @Order(1)
    void theFirstNodeAppliesTheSwitchsEventsAndTheSecondOnlyCommands() {
        assertThat(nodeB.bean(EslMediaServer.class).appliesEventsOf(switchHost())).isFalse();
        assertThat(leaseHolder()).isPresent();
    }

    @Test
    @Order(2)
    void aCallOriginatedOnNodeAIsLiveHeldAndHungUpThroughNodeB() throws Exception {
        try (EventSocket onB = EventSocket.connected(nodeB, acme.admin())) {
            String call = answeredCall(originateOnNodeA("1001", "1002"));

            Response held = nodeB.post("/api/calls/" + call + "/hold", Map.of("hold", true), acme.admin());
            assertThat(held.status()).as(held.text()).isEqualTo(200);
            Eventually.value(() -> leg(call).filter(leg -> Boolean.TRUE.equals(leg.get("on_hold"))));
            Response hungUp = nodeB.post("/api/calls/" + call + "/hangup", null, acme.admin());
            assertThat(hungUp.status()).as(hungUp.text()).isEqualTo(200);

            assertThat(freeSwitch.apiCommands()).contains("uuid_hold " + call, "uuid_kill " + call);
            assertThat(records(call)).hasSize(1);
            onB.await(event -> "call_end".equals(event.get("type")) && event.toString().contains(call));
            assertThat(onB.messages()).extracting(event -> event.get("type"))
                    .contains("call_start", "call_answer", "call_hold", "call_end");
        }
    }

    @Test
    @Order(3)
    void parkSlotsAreNeverGivenTwiceUnderConcurrentParksOnBothNodes() throws Exception {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(answeredCall(originateOnNodeA("1001", "1002")));
        }
        ExecutorService parkers = Executors.newFixedThreadPool(calls.size());
        List<Future<Response>> parks = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            String call = calls.get(i);
            boolean onA = i % 2 == 0;
            parks.add(parkers.submit(() -> onA
                    ? nodeA.send("POST", "/api/calls/" + call + "/park", Map.of(), "Authorization", bearer())
                    : nodeB.post("/api/calls/" + call + "/park", Map.of(), acme.admin())));
        }
        List<String> slots = new ArrayList<>();
        for (Future<Response> park : parks) {
            Response parked = park.get();
            assertThat(parked.status()).as(parked.text()).isEqualTo(200);
            slots.add(parked.string("slot"));
        }
        parkers.shutdown();

        assertThat(slots).doesNotHaveDuplicates().hasSize(calls.size());
        for (String call : calls) {
            nodeB.post("/api/calls/" + call + "/hangup", null, acme.admin());
        }
    }

    @Test
    @Order(4)
    void killingTheNodeThatAppliesEventsHandsTheSwitchToTheOtherWithinTenSecondsAndTheCallEndsWithOneRecord()
            throws Exception {
        String call = answeredCall(originateOnNodeA("1001", "1002"));
        assertThat(nodeB.bean(EslMediaServer.class).appliesEventsOf(switchHost())).isFalse();

        long killedAt = System.nanoTime();
        nodeA.kill();
        Eventually.value(TAKEOVER.plusSeconds(2), () -> nodeB.bean(EslMediaServer.class).appliesEventsOf(switchHost())
                ? Optional.of(true) : Optional.empty());
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);

        assertThat(takeover).isLessThan(TAKEOVER);
        Response hungUp = nodeB.post("/api/calls/" + call + "/hangup", null, acme.admin());
        assertThat(hungUp.status()).as(hungUp.text()).isEqualTo(200);
        assertThat(records(call)).hasSize(1);
        Thread.sleep(500);
        assertThat(records(call)).hasSize(1);
    }

    private static Map<String, String> nodeAEnvironment(TestDatabase.Database database) {
        Map<String, String> env = ApiServer.processEnvironment(database);
        env.put("VOIP_FREESWITCH_HOSTS", "127.0.0.1:" + switchPort + ":" + PASSWORD);
        env.put("VOIP_FREESWITCH_EVENT_LEASE_SECONDS", "2");
        env.put("VOIP_REDIS_URL", RedisServer.shared().url());
        env.put("VOIP_REDIS_KEY_PREFIX", PREFIX);
        return env;
    }

    private static String originateOnNodeA(String from, String to) {
        Response originated = nodeA.send("POST", "/api/calls/originate", Map.of("fromExtension", from, "toNumber", to),
                "Authorization", bearer());
        assertThat(originated.status()).as(originated.text()).isEqualTo(200);
        return originated.string("callUuid");
    }

    /** Answers the call's first leg, then the leg it rings, and waits until node B lists both answered. */
    private static String answeredCall(String call) {
        UUID first = UUID.fromString(call);
        Eventually.value(() -> leg(call));
        freeSwitch.answer(first);
        Map<String, Object> second = Eventually.value(() -> legsOf(call).stream()
                .filter(leg -> !call.equals(leg.get("uuid"))).findFirst());
        freeSwitch.answer(UUID.fromString((String) second.get("uuid")));
        Eventually.value(() -> legsOf(call).size() == 2
                && legsOf(call).stream().allMatch(leg -> Boolean.TRUE.equals(leg.get("answered")))
                ? Optional.of(true) : Optional.empty());
        return call;
    }

    private static Optional<Map<String, Object>> leg(String uuid) {
        return activeLegs().stream().filter(leg -> uuid.equals(leg.get("uuid"))).findFirst();
    }

    private static List<Map<String, Object>> legsOf(String call) {
        return activeLegs().stream().filter(leg -> call.equals(leg.get("call_uuid"))).toList();
    }

    private static List<Map<String, Object>> activeLegs() {
        Response active = nodeB.get("/api/calls/active", acme.admin());
        assertThat(active.status()).as(active.text()).isEqualTo(200);
        return active.list("activeCalls");
    }

    /** The call's history records, once there is one. */
    private static List<Map<String, Object>> records(String call) {
        return Eventually.value(() -> {
            Response listed = nodeB.get("/api/calls?limit=500", acme.admin());
            assertThat(listed.status()).as(listed.text()).isEqualTo(200);
            List<Map<String, Object>> found = listed.list("calls").stream()
                    .filter(record -> call.equals(record.get("call_uuid"))).toList();
            return found.isEmpty() ? Optional.empty() : Optional.of(found);
        });
    }

    private static String bearer() {
        return "Bearer " + acme.admin().token();
    }

    private static String switchHost() {
        return "127.0.0.1:" + switchPort;
    }

    private static Optional<String> leaseHolder() {
        RedisClient client = RedisClient.create(RedisServer.shared().url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return Optional.ofNullable(connection.sync().get(PREFIX + ":media-server-lease:" + switchHost()));
        } finally {
            client.shutdown();
        }
    }
}
