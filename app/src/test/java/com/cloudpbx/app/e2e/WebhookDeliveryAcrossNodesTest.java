package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.ServerProcess;
import com.cloudpbx.app.support.WebhookReceiver;
import com.cloudpbx.app.support.WebhookReceiver.Received;
import com.cloudpbx.storage.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The outbox across processes: deliveries a node stored are delivered even when that node stops,
 * or is killed ({@code kill -9}), before it could deliver them, and two nodes delivering from one
 * database never send the same delivery twice.
 */
class WebhookDeliveryAcrossNodesTest {

    /** Claims of a killed node lapse after connect + read timeouts + 10 s: 13 s here. */
    private static final Duration AFTER_LEASE = Duration.ofSeconds(45);

    @Test
    void deliveriesStoredBeforeAKillAreAllDeliveredByTheNodeLeft() throws Exception {
        TestDatabase.Database database = TestDatabase.freshDatabase();
        try (WebhookReceiver receiver = WebhookReceiver.start();
             ApiServer survivor = ApiServer.start(database, webhookProperties(receiver))) {
            receiver.answer(request -> 503);
            TenantFixture acme = tenantWithWebhook(survivor, receiver);
            Path dataDir = Files.createTempDirectory("voip-webhook-node");
            try (ServerProcess doomed = ServerProcess.start(dataDir, environment(database, receiver),
                    dataDir.resolve("console.log"))) {
                for (int i = 0; i < 10; i++) {
                    Response originated = doomed.send("POST", "/api/calls/originate",
                            Map.of("fromExtension", "1001", "toNumber", "1002"), "Authorization",
                            "Bearer " + acme.admin().token());
                    assertThat(originated.status()).as(originated.text()).isEqualTo(200);
                }
                Eventually.value(AFTER_LEASE, () -> storedEventIds(database).size() >= 20
                        ? Optional.of(true) : Optional.empty());

                doomed.kill();
            }
            Set<String> stored = storedEventIds(database);
            receiver.answer(request -> 200);

            Set<String> received = Eventually.value(AFTER_LEASE, () -> {
                Set<String> ids = receiver.received().stream().map(WebhookDeliveryAcrossNodesTest::accepted)
                        .flatMap(Optional::stream).collect(Collectors.toSet());
                return ids.containsAll(stored) ? Optional.of(ids) : Optional.empty();
            });
            assertThat(received).containsAll(stored);
            Eventually.value(() -> countWhere(database, "status <> 'delivered'") == 0
                    ? Optional.of(true) : Optional.empty());
        }
    }

    @Test
    void deliveriesPendingWhenTheServerStopsAreDeliveredOnceItRunsAgain() throws Exception {
        TestDatabase.Database database = TestDatabase.freshDatabase();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(request -> 503);
            try (ApiServer before = ApiServer.start(database, webhookProperties(receiver))) {
                TenantFixture acme = tenantWithWebhook(before, receiver);
                for (int i = 0; i < 5; i++) {
                    Response originated = before.post("/api/calls/originate",
                            Map.of("fromExtension", "1001", "toNumber", "1002"), acme.admin());
                    assertThat(originated.status()).as(originated.text()).isEqualTo(200);
                }
                Eventually.value(AFTER_LEASE, () -> storedEventIds(database).size() >= 10
                        ? Optional.of(true) : Optional.empty());
            }
            Set<String> stored = storedEventIds(database);
            receiver.answer(request -> 200);

            try (ApiServer after = ApiServer.start(database, webhookProperties(receiver))) {
                Set<String> received = Eventually.value(AFTER_LEASE, () -> {
                    Set<String> ids = receiver.received().stream().map(WebhookDeliveryAcrossNodesTest::accepted)
                            .flatMap(Optional::stream).collect(Collectors.toSet());
                    return ids.containsAll(stored) ? Optional.of(ids) : Optional.empty();
                });
                assertThat(received).containsAll(stored);
            }
        }
    }

    @Test
    void twoNodesOnOneDatabaseSendEachDeliveryOnce() throws Exception {
        TestDatabase.Database database = TestDatabase.freshDatabase();
        try (WebhookReceiver receiver = WebhookReceiver.start();
             ApiServer one = ApiServer.start(database, webhookProperties(receiver));
             ApiServer two = ApiServer.start(database, webhookProperties(receiver))) {
            receiver.answer(request -> 503);
            TenantFixture acme = tenantWithWebhook(one, receiver);
            for (int i = 0; i < 15; i++) {
                ApiServer node = i % 2 == 0 ? one : two;
                Response originated = node.post("/api/calls/originate",
                        Map.of("fromExtension", "1001", "toNumber", "1002"), acme.admin());
                assertThat(originated.status()).as(originated.text()).isEqualTo(200);
            }
            Eventually.value(AFTER_LEASE, () -> storedEventIds(database).size() >= 30
                    ? Optional.of(true) : Optional.empty());
            receiver.answer(request -> 200);

            Eventually.value(AFTER_LEASE, () -> countWhere(database, "status <> 'delivered'") == 0
                    ? Optional.of(true) : Optional.empty());

            List<String> delivered = receiver.received().stream().map(WebhookDeliveryAcrossNodesTest::accepted).flatMap(Optional::stream).toList();
            assertThat(delivered).doesNotHaveDuplicates().hasSameSizeAs(storedEventIds(database));
        }
    }

    /** The id of a request the receiver accepted (a 200), from the receiver's own record of its answers. */
    private static Optional<String> accepted(Received request) {
        return request.answeredWith() == 200 ? Optional.of(request.header("X-Webhook-Id")) : Optional.empty();
    }

    private static TenantFixture tenantWithWebhook(ApiServer api, WebhookReceiver receiver) {
        Platform platform = new Platform(api);
        TenantFixture acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        platform.extension(acme, "1002", "sip-password-1002");
        Response created = api.post("/api/webhooks", Map.of("name", "CRM", "url", receiver.url(),
                "events", List.of("call.start", "call.end"), "maxRetries", 20, "retryDelaySeconds", 1), acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return acme;
    }

    private static Map<String, Object> webhookProperties(WebhookReceiver receiver) {
        return Map.of("voip.webhooks.allow-private-targets", true,
                "voip.webhooks.allowed-ports", List.of(receiver.port()),
                "voip.webhooks.connect-timeout-seconds", 1,
                "voip.webhooks.read-timeout-seconds", 2,
                "voip.webhooks.delivery.poll-millis", 100);
    }

    private static Map<String, String> environment(TestDatabase.Database database, WebhookReceiver receiver) {
        Map<String, String> env = ApiServer.processEnvironment(database);
        env.put("VOIP_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
        env.put("VOIP_WEBHOOK_ALLOWED_PORTS", Integer.toString(receiver.port()));
        env.put("VOIP_WEBHOOK_CONNECT_TIMEOUT_SECONDS", "1");
        env.put("VOIP_WEBHOOK_READ_TIMEOUT_SECONDS", "2");
        env.put("VOIP_WEBHOOKS_DELIVERY_POLL_MILLIS", "100");
        return env;
    }

    private static Set<String> storedEventIds(TestDatabase.Database database) {
        try (Connection connection = connect(database);
             ResultSet rows = connection.createStatement().executeQuery(
                     "select event_id from webhook_deliveries where event <> 'webhook.test'")) {
            Set<String> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long countWhere(TestDatabase.Database database, String condition) {
        try (Connection connection = connect(database);
             ResultSet rows = connection.createStatement().executeQuery(
                     "select count(*) from webhook_deliveries where " + condition)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(TestDatabase.Database database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
