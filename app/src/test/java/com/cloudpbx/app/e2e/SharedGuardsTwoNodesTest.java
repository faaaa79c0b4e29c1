package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.JsonHttp;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.storage.testing.RedisServer;
import com.cloudpbx.storage.testing.TestDatabase;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two API nodes on one database and one Redis, as behind a load balancer: what guards access holds
 * across both. Each test speaks as a client address of its own (the nodes trust 127.0.0.1 as their
 * proxy), so the per-address budgets of one test never touch another's.
 */
class SharedGuardsTwoNodesTest {

    private static final int ATTEMPTS_PER_ACCOUNT = 4;
    private static final int UNKNOWN_KEYS_PER_ADDRESS = 6;

    private static ApiServer nodeA;
    private static ApiServer nodeB;
    private static JsonHttp http;

    @BeforeAll
    static void start() {
        TestDatabase.Database database = TestDatabase.freshDatabase();
        Map<String, Object> settings = Map.of(
                "voip.redis.url", RedisServer.shared().url(),
                "voip.redis.key-prefix", RedisServer.uniquePrefix(),
                "voip.http.trusted-proxies", "127.0.0.1",
                "voip.login.attempts-per-account-per-minute", ATTEMPTS_PER_ACCOUNT,
                "voip.auth.unknown-api-keys-per-address-per-minute", UNKNOWN_KEYS_PER_ADDRESS);
        nodeA = ApiServer.start(database, settings);
        nodeB = ApiServer.start(database, settings);
        http = new JsonHttp(nodeA.bean(JsonMapper.class));
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void anApiKeyRevokedThroughOneNodeIsRefusedByTheOtherWithinASecond() {
        Platform.TenantFixture tenant = new Platform(nodeA).tenant();
        Response created = nodeA.post("/api/api-keys", Map.of("name", "shared-" + UUID.randomUUID(), "role", "admin"),
                tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.string("apiKey.key");
        String client = "198.51.100.10";
        assertThat(withKey(nodeB, key, client).status()).as("node B knows and caches the key").isEqualTo(200);

        Response revoked = nodeA.delete("/api/api-keys/" + created.string("apiKey.id"), tenant.admin());
        long revokedAt = System.nanoTime();
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);

        Response onB = withKey(nodeB, key, client);
        while (onB.status() == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(5).toNanos()) {
            onB = withKey(nodeB, key, client);
        }
        long delayMs = (System.nanoTime() - revokedAt) / 1_000_000;
        System.out.printf("API key revoked through node A refused by node B after %d ms%n", delayMs);

        assertThat(onB.status()).as(onB.text()).isEqualTo(401);
        assertThat(onB.string("error")).containsIgnoringCase("revoked");
        assertThat(delayMs).isLessThan(1_000);
    }

    @Test
    void loginAttemptsThroughBothNodesTakeFromOneAccountBudget() {
        String email = "victim-" + UUID.randomUUID() + "@nowhere.test";
        String client = "198.51.100.20";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS_PER_ACCOUNT; i++) {
            statuses.add(login(i % 2 == 0 ? nodeA : nodeB, email, client).status());
        }

        Response pastTheLimit = login(nodeA, email, client);

        assertThat(statuses).as("attempts alternating between the nodes").containsOnly(401);
        assertThat(pastTheLimit.status()).as(pastTheLimit.text()).isEqualTo(429);
        assertThat(pastTheLimit.string("code")).isEqualTo("RATE_LIMITED");
        assertThat(pastTheLimit.header("Retry-After")).isNotNull().matches("\\d+");
    }

    @Test
    void unknownApiKeysThroughBothNodesTakeFromOneAddressBudget() {
        String client = "198.51.100.30";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < UNKNOWN_KEYS_PER_ADDRESS; i++) {
            statuses.add(withKey(i % 2 == 0 ? nodeA : nodeB, "csk_live_guess" + UUID.randomUUID(), client).status());
        }

        Response pastTheLimit = withKey(nodeB, "csk_live_guess" + UUID.randomUUID(), client);
        Response otherAddress = withKey(nodeA, "csk_live_guess" + UUID.randomUUID(), "198.51.100.31");

        assertThat(statuses).as("guesses alternating between the nodes").containsOnly(401);
        assertThat(pastTheLimit.status()).as(pastTheLimit.text()).isEqualTo(429);
        assertThat(pastTheLimit.string("code")).isEqualTo("RATE_LIMITED");
        assertThat(otherAddress.status()).as("another address is not affected").isEqualTo(401);
    }

    private static Response withKey(ApiServer node, String apiKey, String client) {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/extensions"))
                .header("Accept", "application/json")
                .header("X-API-Key", apiKey)
                .header("X-Forwarded-For", client)
                .GET());
    }

    private static Response login(ApiServer node, String email, String client) {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/auth/admin-login"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(http.jsonBody(Map.of("email", email, "password", "wrong-password"))));
    }
}
