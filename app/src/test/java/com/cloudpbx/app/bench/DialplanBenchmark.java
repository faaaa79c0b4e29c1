package com.cloudpbx.app.bench;

import com.cloudpbx.app.bench.RoutingFixture.Target;
import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.core.routing.BusinessSchedule.OpeningHours;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.RoutingPlans;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.TenantId;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * FreeSWITCH's dialplan lookups for calls to DIDs, {@code POST /freeswitch/dialplan}, under
 * concurrent load. Not a test: run it with {@code bench/dialplan.sh}. It starts the server
 * in-process on a fresh PostgreSQL database (simulated switch), creates through the API the
 * tenant of {@link RoutingFixture} (extensions, ring groups, schedules, blocklist, DIDs), then
 * {@code clients} virtual threads, each on its own keep-alive connection, post lookups of random
 * DIDs from random callers back to back: {@code warmup-seconds}, then {@code seconds} measured.
 *
 * <p>Each lookup carries the fields mod_xml_curl posts for a carrier's call in the {@code public}
 * context and the shared secret as basic auth. Requests are written and responses read on plain
 * sockets with the request bytes prepared beforehand, so the client costs the shared cores little.
 * Latency is from just before the request is written to the last byte of the response read; a
 * closed loop, so it is the latency at {@code clients} requests in flight, not at a given rate.
 *
 * <p>Database work: PostgreSQL's own counters for the bench database ({@code pg_stat_database}
 * transactions and rows, {@code pg_stat_user_tables} scans per table), read before and after the
 * measured seconds, and over an idle stretch of the same server for comparison. Last, the time one
 * load of the tenant's routing plan takes on the idle server.
 */
public final class DialplanBenchmark {

    private static final String SECRET = "bench-xml-curl-shared-secret";
    private static final String DIALPLAN = "<section name=\"dialplan\">";

    private final Settings settings;
    private final ApiServer api;
    private final Platform platform;
    private final RoutingFixture fixture;

    private DialplanBenchmark(Settings settings, ApiServer api) {
        this.settings = settings;
        this.api = api;
        this.platform = new Platform(api);
        this.fixture = new RoutingFixture(settings.extensions(), settings.groups(), settings.members(),
                settings.schedules(), settings.dids());
    }

    /** Arguments as {@code name=value}; see {@link Settings#parse}. */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        System.out.println("settings: " + settings);
        try (ApiServer api = ApiServer.start(Map.of("voip.xmlcurl.secret", SECRET))) {
            new DialplanBenchmark(settings, api).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        long setupStarted = System.nanoTime();
        TenantFixture tenant = platform.tenant();
        provision(tenant.admin());
        System.out.printf(Locale.ROOT, "setup: tenant with %s and %d blocklist entries, created in %.1f s%n", fixture,
                fixture.blocked().size(), (System.nanoTime() - setupStarted) / 1e9);

        List<byte[]> requests = requests();
        try (Connection db = DriverManager.getConnection(api.database().jdbcUrl(), api.database().user(),
                api.database().password())) {
            // Counters reach pg_stat_* up to a second after a backend's transaction ends.
            Thread.sleep(2000);
            DbCounters idleBefore = DbCounters.read(db);
            Thread.sleep(settings.idleSeconds() * 1000L);
            DbCounters idleAfter = DbCounters.read(db);

            Load load = new Load(requests, settings.clients());
            long warmupEnd = System.nanoTime() + settings.warmupSeconds() * 1_000_000_000L;
            long measureEnd = warmupEnd + settings.seconds() * 1_000_000_000L;
            DbCounters[] before = new DbCounters[1];
            load.start(warmupEnd, measureEnd, () -> {
                try {
                    before[0] = DbCounters.read(db);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            load.awaitEnd();
            Thread.sleep(2000);
            DbCounters after = DbCounters.read(db);
            report(load, before[0], after, idleBefore, idleAfter);
        }
        reloads(TenantId.of(UUID.fromString(tenant.id())));
    }

    /**
     * How long loading the tenant's plan takes, timed in the server's own cache: while it loads,
     * every lookup for the tenant waits for it (a plan is loaded once per key).
     */
    private void reloads(TenantId tenant) {
        RoutingPlans plans = api.bean(RoutingPlans.class);
        ConfigurationChanges changes = api.bean(ConfigurationChanges.class);
        long[] took = new long[5];
        for (int i = 0; i < took.length; i++) {
            changes.changed(tenant);
            long started = System.nanoTime();
            plans.plan(tenant).orElseThrow();
            took[i] = System.nanoTime() - started;
        }
        System.out.println("plan load, idle server, ms: " + Arrays.stream(took)
                .mapToObj(nanos -> String.format(Locale.ROOT, "%.1f", nanos / 1e6)).collect(Collectors.joining(" ")));
    }

    // ---- provisioning through the API ----

    private void provision(Credential admin) throws Exception {
        List<Callable<Response>> extensions = new ArrayList<>();
        for (int i = 0; i < fixture.extensionCount(); i++) {
            Map<String, Object> body = Map.of("extension", fixture.extension(i), "password", "sip-password-" + i,
                    "displayName", "User " + i, "voicemailEnabled", fixture.voicemail(i), "doNotDisturb",
                    fixture.doNotDisturb(i));
            extensions.add(() -> api.post("/api/extensions", body, admin));
        }
        created("extensions", inParallel(extensions));

        List<Callable<Response>> blocks = fixture.blocked().stream().<Callable<Response>>map(number -> () ->
                api.post("/api/blocklist", Map.of("number", number, "reason", "spam", "direction", "inbound"),
                        admin)).toList();
        created("blocklist entries", inParallel(blocks));

        // A group's no-answer route may name the next group: create from the last to the first, so
        // it exists, groups that name none first and in parallel.
        String[] groupIds = new String[fixture.groupCount()];
        List<Integer> plain = IntStream.range(0, fixture.groupCount())
                .filter(g -> fixture.noAnswer(g).action() != RouteAction.RING_GROUP).boxed().toList();
        List<Integer> chained = IntStream.range(0, fixture.groupCount())
                .filter(g -> fixture.noAnswer(g).action() == RouteAction.RING_GROUP)
                .boxed().sorted((a, b) -> b - a).toList();
        for (List<Integer> batch : List.of(plain, chained)) {
            List<Callable<Response>> groups = batch.stream().<Callable<Response>>map(g -> () -> {
                Response created = api.post("/api/ring-groups", ringGroup(g, groupIds), admin);
                if (created.status() == 201) {
                    groupIds[g] = created.string("ringGroup.id");
                }
                return created;
            }).toList();
            created("ring groups", batch == chained ? sequentially(groups) : inParallel(groups));
        }

        String[] scheduleIds = new String[fixture.scheduleCount()];
        List<Callable<Response>> schedules = IntStream.range(0, fixture.scheduleCount()).boxed()
                .<Callable<Response>>map(s -> () -> {
                    Response created = api.post("/api/schedules", schedule(s), admin);
                    if (created.status() == 201) {
                        scheduleIds[s] = created.string("schedule.id");
                    }
                    return created;
                }).toList();
        created("schedules", inParallel(schedules));

        List<Callable<Response>> dids = IntStream.range(0, fixture.didCount()).boxed()
                .<Callable<Response>>map(d -> () -> {
                    Map<String, Object> body = new HashMap<>();
                    body.put("number", fixture.didNumber(d));
                    body.put("inboundRoute", "ring_group");
                    body.put("routeTarget", groupIds[fixture.didGroup(d)]);
                    fixture.didSchedule(d).ifPresent(s -> body.put("scheduleId", scheduleIds[s]));
                    return api.post("/api/dids", body, admin);
                }).toList();
        created("DIDs", inParallel(dids));
    }

    private Map<String, Object> ringGroup(int g, String[] groupIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", fixture.groupName(g));
        body.put("strategy", fixture.strategy(g).name().toLowerCase(Locale.ROOT));
        body.put("ringTimeout", fixture.ringTimeout(g));
        Target noAnswer = fixture.noAnswer(g);
        body.put("noAnswerAction", noAnswer.action().wireName());
        if (noAnswer.action() == RouteAction.RING_GROUP) {
            body.put("noAnswerTarget", groupIds[Integer.parseInt(noAnswer.target())]);
        } else if (noAnswer.target() != null) {
            body.put("noAnswerTarget", noAnswer.target());
        }
        body.put("members", IntStream.range(0, fixture.memberCount()).mapToObj(k -> Map.of(
                "extension", fixture.extension(fixture.member(g, k)), "priority", fixture.priority(k),
                "delaySeconds", fixture.delay(k))).toList());
        return body;
    }

    private Map<String, Object> schedule(int s) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", fixture.scheduleName(s));
        body.put("timezone", fixture.zone(s));
        List<Map<String, Object>> hours = new ArrayList<>();
        for (OpeningHours range : fixture.hours(s)) {
            hours.add(Map.of("day", range.day().name().toLowerCase(Locale.ROOT), "enabled", range.enabled(),
                    "startTime", range.start().toString(), "endTime", range.end().toString()));
        }
        body.put("schedules", hours);
        body.put("holidays", fixture.holidays(s).stream()
                .map(holiday -> Map.of("date", holiday.date().toString(), "name", holiday.name())).toList());
        Target afterHours = fixture.afterHours(s);
        body.put("afterHoursAction", afterHours.action().wireName());
        if (afterHours.target() != null) {
            body.put("afterHoursTarget", afterHours.target());
        }
        return body;
    }

    private static List<Response> inParallel(List<Callable<Response>> calls) throws Exception {
        Semaphore permits = new Semaphore(8);
        List<Future<Response>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<Response> call : calls) {
                futures.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        return call.call();
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    private static List<Response> sequentially(List<Callable<Response>> calls) throws Exception {
        List<Response> responses = new ArrayList<>();
        for (Callable<Response> call : calls) {
            responses.add(call.call());
        }
        return responses;
    }

    private static void created(String what, List<Response> responses) {
        for (Response response : responses) {
            if (response.status() != 201) {
                throw new IllegalStateException("creating " + what + " failed: " + response.status() + " "
                        + response.text());
            }
        }
    }

    // ---- the lookups ----

    /** One prepared request per DID and caller pair, in random order. */
    private List<byte[]> requests() {
        URI base = URI.create(api.baseUrl());
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("freeswitch:" + SECRET).getBytes(StandardCharsets.UTF_8));
        List<String> callers = fixture.callers();
        SplittableRandom random = new SplittableRandom(11);
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < Math.max(4 * fixture.didCount(), 1); i++) {
            String did = fixture.didNumber(random.nextInt(fixture.didCount()));
            String body = form(lookup(did.substring(1), callers.get(random.nextInt(callers.size()))));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST /freeswitch/dialplan HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Authorization: " + authorization + "\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
            System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
            requests.add(request);
        }
        return requests;
    }

    /** The fields mod_xml_curl posts for a carrier's call to a DID (a selection), as sofia sends them: no plus. */
    private static Map<String, String> lookup(String dialled, String caller) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("hostname", "fs1");
        fields.put("section", "dialplan");
        fields.put("tag_name", "");
        fields.put("key_name", "");
        fields.put("key_value", "");
        fields.put("Event-Name", "REQUEST_PARAMS");
        fields.put("Core-UUID", "7d3a3c1e-5b8b-4d7c-9d5e-0c5b2f1f4a11");
        fields.put("Unique-ID", UUID.randomUUID().toString());
        fields.put("Call-Direction", "inbound");
        fields.put("Caller-Direction", "inbound");
        fields.put("Caller-Username", caller);
        fields.put("Caller-Caller-ID-Name", caller);
        fields.put("Caller-Caller-ID-Number", caller);
        fields.put("Caller-Network-Addr", "203.0.113.10");
        fields.put("Caller-Destination-Number", dialled);
        fields.put("Caller-Context", "public");
        fields.put("Hunt-Destination-Number", dialled);
        fields.put("Hunt-Context", "public");
        fields.put("variable_sip_from_user", caller);
        fields.put("variable_sip_to_user", dialled);
        fields.put("variable_sip_profile_name", "external");
        return fields;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The clients: each a virtual thread with its own connection, posting lookups back to back. */
    private final class Load {

        private final List<byte[]> requests;
        private final int clients;
        private final List<Client> started = new ArrayList<>();
        private final AtomicLong dialplans = new AtomicLong();
        private final AtomicLong notFound = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong reconnects = new AtomicLong();
        private ExecutorService threads;
        private long measureStart;
        private long measureEnd;

        Load(List<byte[]> requests, int clients) {
            this.requests = requests;
            this.clients = clients;
        }

        /** Starts the clients; {@code atMeasureStart} runs once when the warm-up ends. */
        void start(long measureStart, long measureEnd, Runnable atMeasureStart) throws InterruptedException {
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
            threads = Executors.newVirtualThreadPerTaskExecutor();
            for (int i = 0; i < clients; i++) {
                Client client = new Client(i);
                started.add(client);
                threads.submit(client);
            }
            long now;
            long lastTick = System.nanoTime();
            while ((now = System.nanoTime()) < measureStart) {
                Thread.sleep(Math.max(1, Math.min(1000, (measureStart - now) / 1_000_000)));
                if (System.nanoTime() - lastTick >= 2_000_000_000L) {
                    lastTick = System.nanoTime();
                    System.out.printf(Locale.ROOT, "warm-up: %d lookups answered%n", dialplans.get() + notFound.get());
                }
            }
            atMeasureStart.run();
        }

        void awaitEnd() throws InterruptedException {
            long lastTick = System.nanoTime();
            long lastCount = measured();
            while (System.nanoTime() < measureEnd) {
                Thread.sleep(200);
                if (System.nanoTime() - lastTick >= 2_000_000_000L) {
                    long count = measured();
                    double seconds = (System.nanoTime() - lastTick) / 1e9;
                    System.out.printf(Locale.ROOT, "t=%4.1fs measured=%d (%.0f/s)%n",
                            (System.nanoTime() - measureStart) / 1e9, count, (count - lastCount) / seconds);
                    lastTick = System.nanoTime();
                    lastCount = count;
                }
            }
            threads.close();
        }

        long measured() {
            return started.stream().mapToLong(client -> client.count).sum();
        }

        long[] latencies() {
            return started.stream().flatMapToLong(client -> Arrays.stream(client.latencies, 0, client.count))
                    .sorted().toArray();
        }

        private final class Client implements Runnable {

            private final int index;
            private long[] latencies = new long[1 << 12];
            private volatile int count;

            Client(int index) {
                this.index = index;
            }

            @Override
            public void run() {
                int next = index * 37;
                while (System.nanoTime() < measureEnd) {
                    try (Socket socket = new Socket(URI.create(api.baseUrl()).getHost(),
                            URI.create(api.baseUrl()).getPort())) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                        long sent;
                        while ((sent = System.nanoTime()) < measureEnd) {
                            byte[] request = requests.get(next++ % requests.size());
                            out.write(request);
                            out.flush();
                            Answer answer = Answer.read(in);
                            long took = System.nanoTime() - sent;
                            if (answer.status() == 200 && answer.body().contains(DIALPLAN)) {
                                dialplans.incrementAndGet();
                            } else if (answer.status() == 200 && answer.body().contains("not found")) {
                                notFound.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                            if (sent >= measureStart) {
                                record(took);
                            }
                            if (answer.closes()) {
                                break;
                            }
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                    reconnects.incrementAndGet();
                }
            }

            private void record(long took) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                }
                latencies[count] = took;
                count = count + 1;
            }
        }
    }

    /** An HTTP/1.1 response as far as the benchmark reads it. */
    private record Answer(int status, String body, boolean closes) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("connection closed");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean closes = false;
            for (String header; !(header = line(in)).isEmpty(); ) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                } else if (lower.startsWith("transfer-encoding:")) {
                    throw new IOException("chunked answers are not read: " + header);
                }
            }
            if (length < 0) {
                throw new IOException("answer without Content-Length");
            }
            return new Answer(status, new String(in.readNBytes(length), StandardCharsets.UTF_8), closes);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1; ) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }
    }

    // ---- the report ----

    private void report(Load load, DbCounters before, DbCounters after, DbCounters idleBefore,
                        DbCounters idleAfter) {
        long[] sorted = load.latencies();
        double seconds = settings.seconds();
        System.out.printf(Locale.ROOT, "lookups: %d in %d s = %.0f requests/s from %d clients (answers: dialplan %d, "
                        + "not found %d, failed %d; connections opened %d)%n", sorted.length, settings.seconds(),
                sorted.length / seconds, settings.clients(), load.dialplans.get(), load.notFound.get(),
                load.failed.get(), load.reconnects.get());
        System.out.printf(Locale.ROOT, "latency ms: p50=%.2f p99=%.2f p99.9=%.2f max=%.2f%n",
                percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, percentile(sorted, 99.9) / 1e6,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        DbCounters.Delta measured = after.minus(before);
        DbCounters.Delta idle = idleAfter.minus(idleBefore);
        System.out.printf(Locale.ROOT, "database while measured: %d transactions (%.3f per lookup), rows returned %d "
                        + "fetched %d (%.1f per lookup)%n", measured.transactions(),
                measured.transactions() / (double) Math.max(1, sorted.length), measured.returned(),
                measured.fetched(), (measured.returned() + measured.fetched()) / (double) Math.max(1, sorted.length));
        System.out.println("table scans while measured: " + measured.scans());
        System.out.printf(Locale.ROOT, "database idle for %d s: %d transactions, rows returned %d fetched %d, "
                        + "scans %s%n", settings.idleSeconds(), idle.transactions(), idle.returned(), idle.fetched(), idle.scans());
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** PostgreSQL's counters for the current database. */
    private record DbCounters(long transactions, long returned, long fetched, Map<String, long[]> tables) {

        static DbCounters read(Connection db) throws SQLException {
            try (Statement statement = db.createStatement()) {
                statement.execute("SELECT pg_stat_clear_snapshot()");
                long transactions;
                long returned;
                long fetched;
                try (ResultSet row = statement.executeQuery("SELECT xact_commit + xact_rollback, tup_returned, "
                        + "tup_fetched FROM pg_stat_database WHERE datname = current_database()")) {
                    row.next();
                    transactions = row.getLong(1);
                    returned = row.getLong(2);
                    fetched = row.getLong(3);
                }
                Map<String, long[]> tables = new TreeMap<>();
                try (ResultSet rows = statement.executeQuery("SELECT relname, seq_scan, coalesce(idx_scan, 0) "
                        + "FROM pg_stat_user_tables")) {
                    while (rows.next()) {
                        tables.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
                    }
                }
                return new DbCounters(transactions, returned, fetched, tables);
            }
        }

        Delta minus(DbCounters earlier) {
            StringBuilder scans = new StringBuilder();
            tables.forEach((table, counts) -> {
                long[] was = earlier.tables.getOrDefault(table, new long[2]);
                long seq = counts[0] - was[0];
                long idx = counts[1] - was[1];
                if (seq != 0 || idx != 0) {
                    scans.append(scans.isEmpty() ? "" : ", ").append(table).append(" seq=").append(seq)
                            .append(" idx=").append(idx);
                }
            });
            return new Delta(transactions - earlier.transactions, returned - earlier.returned,
                    fetched - earlier.fetched, scans.isEmpty() ? "none" : scans.toString());
        }

        record Delta(long transactions, long returned, long fetched, String scans) {
        }
    }

    /** What the run does; every value can be given as {@code name=value}. */
    record Settings(int clients, int seconds, int warmupSeconds, int idleSeconds, int dids, int groups, int members,
                    int schedules, int extensions) {

        static Settings parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("arguments are name=value, got " + arg);
                }
                given.put(pair[0], pair[1]);
            }
            Settings settings = new Settings(number(given, "clients", 200), number(given, "seconds", 20),
                    number(given, "warmup-seconds", 10), number(given, "idle-seconds", 5), number(given, "dids", 1000),
                    number(given, "groups", 200), number(given, "members", 10), number(given, "schedules", 50),
                    number(given, "extensions", 2000));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown arguments " + given.keySet() + "; known: clients, seconds, "
                        + "warmup-seconds, idle-seconds, dids, groups, members, schedules, extensions");
            }
            if (settings.clients() < 1 || settings.seconds() < 1 || settings.dids() < 1 || settings.groups() < 1
                    || settings.schedules() < 1) {
                throw new IllegalArgumentException("need clients, seconds, dids, groups and schedules >= 1");
            }
            return settings;
        }

        private static int number(Map<String, String> given, String name, int fallback) {
            String value = given.remove(name);
            return value == null ? fallback : Integer.parseInt(value);
        }
    }
}
