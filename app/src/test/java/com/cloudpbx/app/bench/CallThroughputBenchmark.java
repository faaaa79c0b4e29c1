package com.cloudpbx.app.bench;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.storage.testing.RedisServer;
import com.cloudpbx.storage.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Call throughput of the real server on the simulated switch, with the events socket under load.
 * Not a test: run it with {@code bench/calls.sh}. It starts the server in-process on a fresh
 * PostgreSQL database, creates a tenant with {@code extensions} extensions, connects
 * {@code clients} events-socket clients as the tenant's admin, then starts {@code rate} calls per
 * second for {@code seconds} seconds. Each call is an originate from one extension to another on
 * its own virtual thread; the phones answer after {@code answer-ms}; the call is hung up
 * {@code hold-ms} after its far leg answered.
 *
 * <p>Measured: originate HTTP latency; calls whose history record (CDR) is stored, counted with
 * {@code GET /api/calls} {@code pagination.total}; on every socket client, the time from just
 * before the originate request was sent to the arrival of that call's {@code call_start}, and the
 * fan-out spread of every event (its arrival at a client minus its first arrival at any client).
 * The events' own {@code timestamp} is to the second only, too coarse to measure with.
 *
 * <p>With {@code nodes=2} it starts two servers on one database and one Redis (the test Redis, see
 * {@code RedisServer}); calls are placed on the nodes in turn (each on that node's simulated switch)
 * and clients connect to the nodes in turn. It then also prints the cross-node delivery: for each
 * event and each client on the other node than the one that placed the call, the event's arrival
 * minus its earliest arrival at a client of the placing node. {@code redis=1} puts a single node on
 * Redis too, to tell the cost of the shared state from that of a second node.
 */
public final class CallThroughputBenchmark {

    private final Settings settings;
    private final List<ApiServer> nodes;
    private final ApiServer api;
    private final Platform platform;
    private final Map<String, Integer> placedOn = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CompletableFuture<Void>> farAnswers = new ConcurrentHashMap<>();
    private final Map<String, Long> originateSentAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> originateLatencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong hangupFailures = new AtomicLong();

    private CallThroughputBenchmark(Settings settings, List<ApiServer> nodes) {
        this.settings = settings;
        this.nodes = nodes;
        this.api = nodes.getFirst();
        this.platform = new Platform(api);
    }

    /** Arguments as {@code name=value}; see {@link Settings#parse}. */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        System.out.println("settings: " + settings);
        Map<String, Object> properties = new HashMap<>(Map.of("voip.sim.answer-ms", settings.answerMs(),
                "voip.sim.ring-timeout-seconds", 5));
        List<ApiServer> nodes = new ArrayList<>();
        if (settings.nodes() == 1 && settings.redis() == 0) {
            nodes.add(ApiServer.start(properties));
        } else {
            properties.put("voip.redis.url", RedisServer.shared().url());
            properties.put("voip.redis.key-prefix", RedisServer.uniquePrefix());
            TestDatabase.Database database = TestDatabase.freshDatabase();
            for (int i = 0; i < settings.nodes(); i++) {
                nodes.add(ApiServer.start(database, properties));
            }
        }
        try {
            new CallThroughputBenchmark(settings, nodes).run();
        } finally {
            nodes.forEach(ApiServer::close);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        TenantFixture tenant = platform.tenant();
        for (int i = 0; i < settings.extensions(); i++) {
            platform.extension(tenant, String.valueOf(1000 + i), "sip-password-" + i);
        }
        List<Listener> listeners = connect(tenant.admin());
        System.out.printf("setup: tenant with %d extensions, %d socket clients connected%n", settings.extensions(),
                listeners.size());

        long started = System.nanoTime();
        List<String> timeline = new ArrayList<>();
        long lastCdrAt = drive(tenant.admin(), started, timeline);
        double driveSeconds = settings.seconds();
        long cdrs = cdrCount(tenant.admin());
        double toLastCdr = (lastCdrAt - started) / 1e9;

        timeline.forEach(System.out::println);
        System.out.printf("offered: %d calls in %.1f s = %.1f calls/s (refused %d, far leg not answered %d, "
                        + "hangup failed %d)%n", offered.get(), driveSeconds, offered.get() / driveSeconds,
                refused.get(), unanswered.get(), hangupFailures.get());
        System.out.printf("completed: %d CDRs stored, the last %.1f s after the first originate = %.1f calls/s%n",
                cdrs, toLastCdr, cdrs / toLastCdr);
        System.out.println("originate HTTP latency ms: " + summary(toArray(originateLatencies)));
        report(listeners);
        listeners.forEach(Listener::close);
    }

    /** Starts the calls at the configured rate, then waits for the CDRs; returns when the last appeared. */
    private long drive(Credential admin, long started, List<String> timeline) throws Exception {
        long total = (long) settings.rate() * settings.seconds();
        long periodNanos = 1_000_000_000L / settings.rate();
        int pairs = settings.extensions() / 2;
        long lastCount = -1;
        long lastCdrAt = started;
        long nextSample = started;
        try (var calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = started + i * periodNanos;
                while (System.nanoTime() < due) {
                    if (System.nanoTime() >= nextSample) {
                        long count = cdrCount(admin);
                        timeline.add(String.format("t=%4.1fs offered=%d cdrs=%d", (System.nanoTime() - started) / 1e9,
                                offered.get(), count));
                        nextSample += 2_000_000_000L;
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(due - System.nanoTime(), 1_000_000));
                }
                int pair = (int) (i % pairs);
                String from = String.valueOf(1000 + 2 * pair);
                String to = String.valueOf(1000 + 2 * pair + 1);
                int node = (int) (i % nodes.size());
                calls.submit(() -> call(nodes.get(node), node, admin, from, to));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                long count = cdrCount(admin);
                if (count != lastCount) {
                    lastCount = count;
                    lastCdrAt = System.nanoTime();
                }
                if (count >= offered.get() - refused.get()) {
                    break;
                }
                Thread.sleep(50);
            }
            timeline.add(String.format("t=%4.1fs offered=%d cdrs=%d (drained)", (lastCdrAt - started) / 1e9,
                    offered.get(), lastCount));
        }
        return lastCdrAt;
    }

    /** Places the call on the node, and hangs it up there: a simulated switch's calls are its own node's. */
    private void call(ApiServer node, int nodeIndex, Credential admin, String from, String to) {
        offered.incrementAndGet();
        long sent = System.nanoTime();
        Response originated = node.post("/api/calls/originate", Map.of("fromExtension", from, "toNumber", to), admin);
        originateLatencies.add(System.nanoTime() - sent);
        if (originated.status() != 200) {
            refused.incrementAndGet();
            return;
        }
        String call = originated.string("callUuid");
        originateSentAt.put(call, sent);
        placedOn.put(call, nodeIndex);
        try {
            farAnswer(call).get(10, TimeUnit.SECONDS);
            Thread.sleep(settings.holdMs());
        } catch (TimeoutException e) {
            unanswered.incrementAndGet();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (node.post("/api/calls/" + call + "/hangup", null, admin).status() != 200) {
            hangupFailures.incrementAndGet();
        }
    }

    private CompletableFuture<Void> farAnswer(String call) {
        return farAnswers.computeIfAbsent(call, ignored -> new CompletableFuture<>());
    }

    private long cdrCount(Credential admin) {
        Response listed = api.get("/api/calls?limit=1", admin);
        return listed.status() == 200 ? ((Number) listed.at("pagination.total")).longValue() : -1;
    }

    private List<Listener> connect(Credential admin) throws Exception {
        List<Listener> listeners = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            int node = i % nodes.size();
            Listener listener = new Listener(node, i < nodes.size() ? this::onAnswer : (call, leg) -> { });
            URI uri = URI.create(nodes.get(node).baseUrl().replaceFirst("^http", "ws") + "/ws?token=" + admin.token());
            listener.socket = http.newWebSocketBuilder().buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
            listeners.add(listener);
        }
        for (Listener listener : listeners) {
            listener.connected.get(10, TimeUnit.SECONDS);
        }
        return listeners;
    }

    /** The first client of each node tells each call's thread that its far leg answered. */
    private void onAnswer(String call, String leg) {
        if (!call.equals(leg)) {
            farAnswer(call).complete(null);
        }
    }

    private void report(List<Listener> listeners) {
        List<Long> startLatencies = new ArrayList<>();
        Map<String, Long> firstArrival = new HashMap<>();
        for (Listener listener : listeners) {
            listener.arrivals.forEach((event, at) -> firstArrival.merge(event, at, Math::min));
        }
        List<Long> spreads = new ArrayList<>();
        long[] perClient = new long[listeners.size()];
        int closed = 0;
        for (int i = 0; i < listeners.size(); i++) {
            Listener listener = listeners.get(i);
            perClient[i] = listener.arrivals.size();
            closed += listener.closeCode.isDone() ? 1 : 0;
            listener.arrivals.forEach((event, at) -> {
                spreads.add(at - firstArrival.get(event));
                if (event.startsWith("call_start ")) {
                    Long sent = originateSentAt.get(event.substring("call_start ".length()));
                    if (sent != null) {
                        startLatencies.add(at - sent);
                    }
                }
            });
        }
        Arrays.sort(perClient);
        System.out.printf("socket clients: %d, events per client min=%d max=%d, closed by the server: %d%n",
                listeners.size(), perClient[0], perClient[perClient.length - 1], closed);
        System.out.println("originate sent -> call_start at a client, ms (" + startLatencies.size() + " samples): "
                + summary(toArray(startLatencies)));
        System.out.println("event fan-out spread across clients, ms (" + spreads.size() + " samples): "
                + summary(toArray(spreads)));
        if (nodes.size() > 1) {
            reportAcrossNodes(listeners);
        }
    }

    /** Per event: arrival at the other node's clients minus the earliest arrival at the placing node's. */
    private void reportAcrossNodes(List<Listener> listeners) {
        Map<String, Long> firstAtPlacingNode = new HashMap<>();
        for (Listener listener : listeners) {
            listener.arrivals.forEach((event, at) -> {
                Integer placing = placedOn.get(listener.calls.get(event));
                if (placing != null && placing == listener.node) {
                    firstAtPlacingNode.merge(event, at, Math::min);
                }
            });
        }
        List<Long> across = new ArrayList<>();
        for (Listener listener : listeners) {
            listener.arrivals.forEach((event, at) -> {
                Integer placing = placedOn.get(listener.calls.get(event));
                Long first = firstAtPlacingNode.get(event);
                if (placing != null && placing != listener.node && first != null) {
                    across.add(Math.max(0, at - first));
                }
            });
        }
        System.out.println("cross-node delivery, arrival at a client of the other node minus the first arrival at "
                + "the placing node, ms (" + across.size() + " samples): " + summary(toArray(across)));
    }

    private static long[] toArray(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String summary(long[] sortedNanos) {
        if (sortedNanos.length == 0) {
            return "no samples";
        }
        return String.format("p50=%.1f p99=%.1f max=%.1f", percentile(sortedNanos, 50) / 1e6,
                percentile(sortedNanos, 99) / 1e6, sortedNanos[sortedNanos.length - 1] / 1e6);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** What the run does; every value can be given as {@code name=value}. */
    record Settings(int extensions, int clients, int rate, int seconds, long holdMs, long answerMs, int nodes,
                    int redis) {

        static Settings parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("arguments are name=value, got " + arg);
                }
                given.put(pair[0], pair[1]);
            }
            Settings settings = new Settings(number(given, "extensions", 40), number(given, "clients", 100),
                    number(given, "rate", 20), number(given, "seconds", 20), number(given, "hold-ms", 300),
                    number(given, "answer-ms", 20), number(given, "nodes", 1), number(given, "redis", 0));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown arguments " + given.keySet()
                        + "; known: extensions, clients, rate, seconds, hold-ms, answer-ms, nodes, redis");
            }
            if (settings.extensions() < 2 || settings.rate() < 1 || settings.seconds() < 1 || settings.nodes() < 1
                    || settings.nodes() > 2) {
                throw new IllegalArgumentException("need extensions >= 2, rate >= 1, seconds >= 1, nodes 1 or 2");
            }
            return settings;
        }

        private static int number(Map<String, String> given, String name, int fallback) {
            String value = given.remove(name);
            return value == null ? fallback : Integer.parseInt(value);
        }
    }

    /**
     * One events-socket client: keeps the arrival time of every call event, keyed by type and leg
     * (read with plain string search, so 100 clients cost little CPU of the machine they share).
     */
    private static final class Listener implements WebSocket.Listener {

        private final int node;
        private final AnswerSink answers;
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        /** Each event's call (its first leg's uuid). */
        private final Map<String, String> calls = new ConcurrentHashMap<>();
        private final CompletableFuture<Void> connected = new CompletableFuture<>();
        private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        Listener(int node, AnswerSink answers) {
            this.node = node;
            this.answers = answers;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long at = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                String type = field(text, "type");
                if ("connected".equals(type)) {
                    connected.complete(null);
                } else if (type != null && type.startsWith("call_")) {
                    String leg = field(text, "call_uuid");
                    String call = field(text, "call_id");
                    arrivals.putIfAbsent(type + " " + leg, at);
                    if (call != null) {
                        calls.putIfAbsent(type + " " + leg, call);
                    }
                    if ("call_answer".equals(type)) {
                        answers.answered(field(text, "call_id"), leg);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(ignored -> null);
        }

        /** The first string value of {@code "name":"..."} in the message. */
        private static String field(String json, String name) {
            String marker = "\"" + name + "\":\"";
            int start = json.indexOf(marker);
            if (start < 0) {
                return null;
            }
            start += marker.length();
            int end = json.indexOf('"', start);
            return end < 0 ? null : json.substring(start, end);
        }
    }

    /** Told of every call_answer a client received: the call's first leg and the leg that answered. */
    @FunctionalInterface
    private interface AnswerSink {
        void answered(String call, String leg);
    }
}
