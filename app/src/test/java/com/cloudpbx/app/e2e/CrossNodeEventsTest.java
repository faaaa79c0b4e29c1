package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.storage.testing.RedisServer;
import com.cloudpbx.storage.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two API nodes on one database and one Redis: what happens on one node reaches the events
 * sockets of the other. Each node runs its own simulated switch, so the calls here are sandbox calls
 * placed on node A; the call-control side of two nodes is {@code TwoNodesEndToEndTest}'s.
 */
class CrossNodeEventsTest {

    private static ApiServer nodeA;
    private static ApiServer nodeB;
    private static TenantFixture acme;
    private static TenantFixture globex;

    @BeforeAll
    static void start() {
        TestDatabase.Database database = TestDatabase.freshDatabase();
        Map<String, Object> redis = Map.of("voip.redis.url", RedisServer.shared().url(),
                "voip.redis.key-prefix", RedisServer.uniquePrefix());
        nodeA = ApiServer.start(database, redis);
        nodeB = ApiServer.start(database, redis);
        Platform platform = new Platform(nodeA);
        acme = platform.tenant();
        globex = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void aSocketOnOneNodeSeesTheCallEventsOfAnother() throws Exception {
        try (EventSocket onB = EventSocket.connected(nodeB, acme.admin())) {
            Response placed = nodeA.post("/api/sandbox/calls", Map.of("from", "+15557654321", "to", "1001"), acme.admin());
            assertThat(placed.status()).as(placed.text()).isEqualTo(201);

            Map<String, Object> start = onB.await(event -> "call_start".equals(event.get("type")));

            assertThat(start.toString()).contains(placed.string("callUuid"));
        }
    }

    @Test
    void aSocketOnOneNodeSeesNothingOfAnotherTenantsCallsOnAnother() throws Exception {
        try (EventSocket globexOnB = EventSocket.connected(nodeB, globex.admin());
             EventSocket acmeOnB = EventSocket.connected(nodeB, acme.admin())) {
            Response placed = nodeA.post("/api/sandbox/calls", Map.of("from", "+15557654322", "to", "1001"), acme.admin());
            assertThat(placed.status()).as(placed.text()).isEqualTo(201);
            acmeOnB.await(event -> "call_start".equals(event.get("type"))
                    && event.toString().contains(placed.string("callUuid")));

            Thread.sleep(300);

            assertThat(globexOnB.messages()).allSatisfy(event -> assertThat(event.get("type")).isEqualTo("connected"));
        }
    }
}
