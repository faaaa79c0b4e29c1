package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.WebhookReceiver;
import com.cloudpbx.app.support.WebhookReceiver.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries from the real server to a real receiver on the loopback (private targets
 * allowed, as on-premise installs do): the events of a sandbox call arrive signed, a failing
 * receiver gets the event again once it recovers, a 410 disables the webhook.
 */
class WebhookDeliveryEndToEndTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private static final String README_RECEIVER = "examples/webhook-receiver.mjs";

    private static WebhookReceiver receiver;
    private static int readmeReceiverPort;
    private static ApiServer api;
    private static TenantFixture acme;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        readmeReceiverPort = freePort();
        api = ApiServer.start(Map.of("voip.webhooks.allow-private-targets", true,
                "voip.webhooks.allowed-ports", List.of(receiver.port(), readmeReceiverPort),
                "voip.webhooks.delivery.poll-millis", 100));
        Platform platform = new Platform(api);
        acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        platform.extension(acme, "1002", "sip-password-1002");
    }

    @AfterAll
    static void stop() {
        api.close();
        receiver.close();
    }

    @Test
    void aSandboxCallDeliversItsStartAnswerAndEndSignedWithBothSchemes() throws Exception {
        Response created = createWebhook("Calls " + System.nanoTime(), List.of("call.start", "call.answer", "call.end"), 5,
                60);
        String secret = created.string("webhook.secret");
        String call = answeredAndHungUpCall();

        List<Received> ofCall = Eventually.value(DELIVERY, () -> {
            List<Received> mine = receiver.received().stream().filter(r -> r.text().contains(call)).toList();
            return mine.stream().map(r -> r.header("X-Webhook-Event")).toList()
                    .containsAll(List.of("call.start", "call.answer", "call.end")) ? Optional.of(mine) : Optional.empty();
        });

        for (Received delivery : ofCall) {
            assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
            assertThat(delivery.header("X-Webhook-Signature")).isEqualTo("sha256=" + hex(hmac(
                    secret.getBytes(StandardCharsets.UTF_8), delivery.body())));
            String signed = delivery.header("webhook-id") + "." + delivery.header("webhook-timestamp") + ".";
            assertThat(delivery.header("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(
                    hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())), concat(signed, delivery.body()))));
            assertThat(delivery.header("X-Webhook-Id")).isEqualTo(delivery.header("webhook-id"));
            assertThat(delivery.text()).startsWith("{\"id\":\"" + delivery.header("X-Webhook-Id") + "\",\"event\":\""
                    + delivery.header("X-Webhook-Event") + "\",\"tenantId\":\"" + acme.id() + "\",\"timestamp\":\"");
        }
    }

    @Test
    void theReceiverOfTheReadmeVerifiesEveryEventOfASandboxCall() throws Exception {
        Response created = api.post("/api/webhooks", Map.of("name", "README " + System.nanoTime(),
                "url", "http://127.0.0.1:" + readmeReceiverPort + "/hooks",
                "events", List.of("call.start", "call.answer", "call.end")), acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Path output = Files.createTempFile("webhook-receiver", ".log");
        var node = new ProcessBuilder("node", README_RECEIVER).directory(repositoryRoot().toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("WEBHOOK_SECRET", created.string("webhook.secret"));
        node.environment().put("PORT", Integer.toString(readmeReceiverPort));
        Process running = node.start();
        try {
            Eventually.value(() -> read(output).contains("listening") ? Optional.of(true) : Optional.empty());

            String call = answeredAndHungUpCall();

            String printed = Eventually.value(DELIVERY, () -> {
                String lines = read(output);
                return List.of("call.start", "call.answer", "call.end").stream()
                        .allMatch(e -> lines.contains("\"event\":\"" + e + "\",\"call\":\"" + call + "\""))
                        ? Optional.of(lines) : Optional.empty();
            });
            assertThat(printed).doesNotContain("\"verified\":false");
            String webhook = created.string("webhook.id");
            assertThat(api.get("/api/webhooks/" + webhook + "/deliveries?status=delivered", acme.admin())
                    .list("deliveries")).extracting(d -> d.get("event")).contains("call.start", "call.answer", "call.end");
        } finally {
            running.destroy();
            running.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(output);
        }
    }

    @Test
    void aCallsDeliveriesAreInTheWebhooksDeliveryLog() {
        Response created = createWebhook("Log " + System.nanoTime(), List.of("call.end"), 5, 60);
        String webhook = created.string("webhook.id");
        String call = answeredAndHungUpCall();

        Response log = Eventually.value(DELIVERY, () -> {
            Response page = api.get("/api/webhooks/" + webhook + "/deliveries?event=call.end&status=delivered",
                    acme.admin());
            return page.list("deliveries").stream().anyMatch(d -> String.valueOf(d.get("payload")).contains(call))
                    ? Optional.of(page) : Optional.empty();
        });

        assertThat(log.list("deliveries")).allSatisfy(d -> {
            assertThat(d.get("status")).isEqualTo("delivered");
            assertThat(d.get("attempts")).asList().isNotEmpty();
        });
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsTheSameEventOnARetry() {
        String name = "Recovering " + System.nanoTime();
        String webhook = createWebhook(name, List.of("call.start"), 5, 1).string("webhook.id");
        AtomicInteger attempts = new AtomicInteger();
        receiver.answer(r -> r.header("X-Webhook-Event").equals("webhook.test") && r.text().contains(webhook)
                && attempts.incrementAndGet() <= 2 ? 503 : 200);

        Response tested = api.post("/api/webhooks/" + webhook + "/test", null, acme.admin());

        assertThat(tested.status()).as(tested.text()).isEqualTo(200);
        List<Received> tries = Eventually.value(DELIVERY, () -> {
            List<Received> mine = receiver.received("webhook.test").stream()
                    .filter(r -> r.text().contains(webhook)).toList();
            return mine.size() == 3 ? Optional.of(mine) : Optional.empty();
        });
        assertThat(tries).extracting(r -> r.header("X-Webhook-Id")).containsOnly(tries.get(0).header("X-Webhook-Id"));
        assertThat(tries).extracting(Received::text).containsOnly(tries.get(0).text());
        receiver.answer(r -> 200);
    }

    @Test
    void aReceiverAnswering410DisablesTheWebhookAndSaysWhy() {
        String webhook = createWebhook("Gone " + System.nanoTime(), List.of("call.start"), 5, 60).string("webhook.id");
        receiver.answer(r -> r.text().contains(webhook) ? 410 : 200);

        api.post("/api/webhooks/" + webhook + "/test", null, acme.admin());

        Response got = api.get("/api/webhooks/" + webhook, acme.admin());
        assertThat(got.at("webhook.active")).isEqualTo(false);
        assertThat(got.string("webhook.disabled_reason")).contains("410");
        receiver.answer(r -> 200);
    }

    @Test
    void aSlowReceiverDoesNotDelayAnotherTenantsDeliveries() {
        try (WebhookReceiver slow = WebhookReceiver.start();
             ApiServer node = ApiServer.start(Map.of("voip.webhooks.allow-private-targets", true,
                     "voip.webhooks.allowed-ports", List.of(receiver.port(), slow.port()),
                     "voip.webhooks.delivery.per-webhook", 2))) {
            // A server of its own, so that its small per-webhook share is the one under test.
            Platform onNode = new Platform(node);
            TenantFixture slowTenant = onNode.tenant();
            onNode.extension(slowTenant, "1001", "sip-password-1001");
            onNode.extension(slowTenant, "1002", "sip-password-1002");
            TenantFixture quickTenant = onNode.tenant();
            onNode.extension(quickTenant, "1001", "sip-password-1001");
            onNode.extension(quickTenant, "1002", "sip-password-1002");
            slow.answer(request -> {
                sleep(Duration.ofSeconds(2));
                return 200;
            });
            subscribe(node, slowTenant, slow.url());
            subscribe(node, quickTenant, receiver.url());
            for (int i = 0; i < 10; i++) {
                node.post("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                        slowTenant.admin());
            }
            Eventually.value(() -> slow.received().size() >= 2 ? Optional.of(true) : Optional.empty());

            Response quick = node.post("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                    quickTenant.admin());
            String call = quick.string("callUuid");

            Eventually.value(Duration.ofSeconds(3), () -> receiver.received("call.start").stream()
                    .filter(r -> r.text().contains(call)).findFirst());
            assertThat(slow.received().size()).as("the slow receiver is still working through its backlog")
                    .isLessThan(20);
        }
    }

    private static void subscribe(ApiServer node, TenantFixture tenant, String url) {
        Response created = node.post("/api/webhooks", Map.of("name", "CRM", "url", url,
                "events", List.of("call.start")), tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Response createWebhook(String name, List<String> events, int maxRetries, int retryDelaySeconds) {
        Response created = api.post("/api/webhooks", Map.of("name", name, "url", receiver.url(), "events", events,
                "maxRetries", maxRetries, "retryDelaySeconds", retryDelaySeconds), acme.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    private static String answeredAndHungUpCall() {
        Response originated = api.post("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                acme.admin());
        assertThat(originated.status()).as(originated.text()).isEqualTo(200);
        String call = originated.string("callUuid");
        Eventually.value(() -> api.get("/api/calls/active", acme.admin()).list("activeCalls").stream()
                .filter(leg -> call.equals(leg.get("uuid")) && Boolean.TRUE.equals(leg.get("answered"))).findFirst());
        Response hungUp = api.post("/api/calls/" + call + "/hangup", null, acme.admin());
        assertThat(hungUp.status()).as(hungUp.text()).isEqualTo(200);
        return call;
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(String prefix, byte[] body) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first directory upwards from the working directory that holds the README's receiver. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(README_RECEIVER))) {
                return dir;
            }
        }
        throw new IllegalStateException(README_RECEIVER + " not found above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
