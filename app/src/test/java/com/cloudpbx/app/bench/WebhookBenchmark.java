package com.cloudpbx.app.bench;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.ServerProcess;
import com.cloudpbx.app.support.WebhookReceiver;
import com.cloudpbx.app.support.WebhookReceiver.Received;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.RaiseWebhookEvents;
import com.cloudpbx.core.webhooks.WebhookEvent;
import com.cloudpbx.storage.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: run it with {@code bench/webhooks.sh}. Two figures, each beside its baseline:
 * <ul>
 *   <li>{@code throughput}: {@code events} events raised through the core's own entry
 *       ({@link RaiseWebhookEvents}, as call tracking raises them) by {@code producers} threads, for a
 *       tenant with one webhook on a receiver in this process; prints deliveries per second from the
 *       first event to the last receipt, and the latency from each event's raising to its receipt
 *       (p50, p99, max). The baseline posts the same number of bodies straight to the same receiver
 *       with as many concurrent clients as the server's per-webhook share — the receiver's ceiling.</li>
 *   <li>{@code kill}: a server process takes sandbox calls for {@code seconds}, its receiver answering
 *       only half of the deliveries at first, and is killed with {@code kill -9} half-way; a second
 *       node on the same database delivers the rest. Prints the deliveries stored, received and lost.</li>
 * </ul>
 */
public final class WebhookBenchmark {

    private static final Pattern SENT = Pattern.compile("\"raised_nanos\":(\\d+)");

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("mode", "throughput", "events", "20000",
                "producers", "4", "seconds", "20", "per-webhook", "16", "rate", "300"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !settings.containsKey(pair[0])) {
                throw new IllegalArgumentException("Unknown setting " + arg + "; known: " + settings.keySet());
            }
            settings.put(pair[0], pair[1]);
        }
        System.out.println("settings: " + settings);
        if (settings.get("mode").equals("kill")) {
            kill(Integer.parseInt(settings.get("seconds")));
        } else {
            throughput(Integer.parseInt(settings.get("events")), Integer.parseInt(settings.get("producers")),
                    Integer.parseInt(settings.get("per-webhook")), Integer.parseInt(settings.get("rate")),
                    Integer.parseInt(settings.get("seconds")));
        }
        System.exit(0);
    }

    private static void throughput(int events, int producers, int perWebhook, int rate, int seconds)
            throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
             ApiServer api = ApiServer.start(Map.of("voip.webhooks.allow-private-targets", true,
                     "voip.webhooks.allowed-ports", List.of(receiver.port()),
                     "voip.webhooks.delivery.per-webhook", perWebhook))) {
            TenantFixture acme = new Platform(api).tenant();
            createWebhook(api, acme, receiver);
            RaiseWebhookEvents raise = api.bean(RaiseWebhookEvents.class);
            TenantId tenant = TenantId.of(UUID.fromString(acme.id()));
            burst(raise, tenant, receiver, Math.min(events / 10, 2000), producers);
            int warm = receiver.received().size();
            long started = System.nanoTime();
            long raised = burst(raise, tenant, receiver, events, producers);
            long elapsed = System.nanoTime() - started;
            List<Received> timed = receiver.received().subList(warm, receiver.received().size());
            long afterRaising = timed.stream().filter(r -> r.atNanos() > raised).count();
            System.out.printf("burst: %d events raised by %d threads in %.2f s; %d deliveries in %.2f s = %.0f "
                            + "deliveries/s; the %d left when the raising ended drained at %.0f/s%n", events, producers,
                    (raised - started) / 1e9, timed.size(), elapsed / 1e9, timed.size() / (elapsed / 1e9), afterRaising,
                    afterRaising / ((started + elapsed - raised) / 1e9));
            attemptDurations(api);
            paced(raise, tenant, receiver, rate, seconds);
            baseline(receiver, timed.get(0).text(), events, perWebhook);
        }
    }

    /** Events at {@code rate} a second for {@code seconds}, from one thread: latency below saturation. */
    private static void paced(RaiseWebhookEvents raise, TenantId tenant, WebhookReceiver receiver, int rate,
                              int seconds) throws Exception {
        int before = receiver.received().size();
        int events = rate * seconds;
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            long due = start + i * 1_000_000_000L / rate;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            raise.raise(event(tenant));
        }
        awaitReceived(receiver, before + events);
        long[] micros = receiver.received().subList(before, receiver.received().size()).stream()
                .mapToLong(WebhookBenchmark::latencyMicros).sorted().toArray();
        System.out.printf("paced: %d events at %d/s; event to receipt p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                events, rate, micros[micros.length / 2] / 1000.0,
                micros[(int) Math.ceil(micros.length * 0.99) - 1] / 1000.0, micros[micros.length - 1] / 1000.0);
    }

    private static WebhookEvent event(TenantId tenant) {
        return new WebhookEvent(UUID.randomUUID(), "call.start", tenant, Instant.now(),
                Map.of("uuid", UUID.randomUUID().toString(), "raised_nanos", System.nanoTime()));
    }

    private static void awaitReceived(WebhookReceiver receiver, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (receiver.received().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /**
     * Raises {@code events} events from {@code producers} threads and waits until the receiver has
     * them all; when the raising ended, in {@link System#nanoTime()}.
     */
    private static long burst(RaiseWebhookEvents raise, TenantId tenant, WebhookReceiver receiver, int events,
                              int producers) throws Exception {
        int before = receiver.received().size();
        ExecutorService threads = Executors.newFixedThreadPool(producers);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int share = events / producers + (p < events % producers ? 1 : 0);
            done.add(threads.submit(() -> {
                for (int i = 0; i < share; i++) {
                    raise.raise(event(tenant));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        long raised = System.nanoTime();
        threads.shutdown();
        awaitReceived(receiver, before + events);
        return raised;
    }

    private static long latencyMicros(Received received) {
        Matcher sent = SENT.matcher(received.text());
        if (!sent.find()) {
            throw new IllegalStateException("no raised_nanos in " + received.text());
        }
        long receivedNanos = received.atNanos();
        return (receivedNanos - Long.parseLong(sent.group(1))) / 1_000;
    }

    /** How long the attempts took, from the start of the post to the response read, as the delivery log shows. */
    private static void attemptDurations(ApiServer api) throws Exception {
        try (Connection connection = api.database().dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT percentile_cont(0.5) WITHIN GROUP "
                     + "(ORDER BY duration_ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms), count(*) "
                     + "FROM webhook_delivery_attempts")) {
            rows.next();
            System.out.printf("attempts: %d, duration p50 %.0f ms, p99 %.0f ms%n", rows.getLong(3), rows.getDouble(1),
                    rows.getDouble(2));
        }
    }

    /** The receiver's ceiling: the same bodies posted straight to it by {@code clients} concurrent JDK clients. */
    private static void baseline(WebhookReceiver receiver, String body, int events, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int share = events / clients + (c < events % clients ? 1 : 0);
            done.add(threads.submit(() -> {
                for (int i = 0; i < share; i++) {
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        long elapsed = System.nanoTime() - started;
        threads.shutdown();
        System.out.printf("baseline (JDK client straight to the receiver, %d clients): %d posts in %.2f s = %.0f/s%n",
                clients, events, elapsed / 1e9, events / (elapsed / 1e9));
    }

    private static void kill(int seconds) throws Exception {
        TestDatabase.Database database = TestDatabase.freshDatabase();
        try (WebhookReceiver receiver = WebhookReceiver.start();
             ApiServer survivor = ApiServer.start(database, Map.of("voip.webhooks.allow-private-targets", true,
                     "voip.webhooks.allowed-ports", List.of(receiver.port()),
                     "voip.webhooks.connect-timeout-seconds", 1, "voip.webhooks.read-timeout-seconds", 2))) {
            receiver.answer(request -> request.header("X-Webhook-Id").hashCode() % 2 == 0 ? 200 : 503);
            TenantFixture acme = new Platform(survivor).tenant();
            new Platform(survivor).extension(acme, "1001", "sip-password-1001");
            new Platform(survivor).extension(acme, "1002", "sip-password-1002");
            createWebhook(survivor, acme, receiver);
            Path dataDir = Files.createTempDirectory("voip-webhook-bench");
            int calls = 0;
            try (ServerProcess doomed = ServerProcess.start(dataDir, environment(database, receiver),
                    dataDir.resolve("console.log"))) {
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos() / 2;
                while (System.nanoTime() < end) {
                    Response originated = doomed.send("POST", "/api/calls/originate",
                            Map.of("fromExtension", "1001", "toNumber", "1002"), "Authorization",
                            "Bearer " + acme.admin().token());
                    calls += originated.status() == 200 ? 1 : 0;
                }
                doomed.kill();
            }
            Set<String> stored = storedEventIds(database);
            receiver.answer(request -> 200);
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 60L).toNanos();
            Set<String> received = new HashSet<>();
            while (System.nanoTime() < deadline) {
                received.clear();
                receiver.received().stream().filter(r -> r.answeredWith() == 200)
                        .forEach(r -> received.add(r.header("X-Webhook-Id")));
                if (received.containsAll(stored)) {
                    break;
                }
                Thread.sleep(200);
            }
            Set<String> lost = new HashSet<>(stored);
            lost.removeAll(received);
            System.out.printf("kill -9 after %d calls: %d deliveries stored, %d received, %d lost%n", calls,
                    stored.size(), stored.size() - lost.size(), lost.size());
        }
    }

    private static void createWebhook(ApiServer api, TenantFixture tenant, WebhookReceiver receiver) {
        Response created = api.post("/api/webhooks", Map.of("name", "Bench", "url", receiver.url(),
                "events", List.of("call.start", "call.answer", "call.end"), "maxRetries", 20, "retryDelaySeconds", 1),
                tenant.admin());
        if (created.status() != 201) {
            throw new IllegalStateException("could not create the webhook: " + created.text());
        }
    }

    private static Map<String, String> environment(TestDatabase.Database database, WebhookReceiver receiver) {
        Map<String, String> env = ApiServer.processEnvironment(database);
        env.put("VOIP_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true");
        env.put("VOIP_WEBHOOK_ALLOWED_PORTS", Integer.toString(receiver.port()));
        env.put("VOIP_WEBHOOK_CONNECT_TIMEOUT_SECONDS", "1");
        env.put("VOIP_WEBHOOK_READ_TIMEOUT_SECONDS", "2");
        return env;
    }

    private static Set<String> storedEventIds(TestDatabase.Database database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             ResultSet rows = connection.createStatement().executeQuery("select event_id from webhook_deliveries")) {
            Set<String> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }
}
