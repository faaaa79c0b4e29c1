import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load for the HTTP API: N concurrent clients send GET requests with an API key for a fixed time,
 * then it prints throughput, error count and latency percentiles.
 *
 * <pre>
 *   java bench/HttpLoad.java http://127.0.0.1:8080 csk_live_... [clients=200] [seconds=20] [path=/api/extensions]
 * </pre>
 *
 * Runs against loopback only, stops by itself after the given time.
 */
public final class HttpLoad {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/HttpLoad.java <base-url> <api-key> [clients] [seconds] [path]");
            System.exit(2);
        }
        String base = args[0];
        String key = args[1];
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String path = args.length > 4 ? args[4] : "/api/extensions";
        String host = URI.create(base).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
            System.err.println("refusing to load a non-loopback address: " + host);
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                .timeout(Duration.ofSeconds(30)).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        mine.add(System.nanoTime() - t0);
                    }
                    latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("clients=%d duration=%.1fs requests=%d errors=%d throughput=%.0f req/s%n",
                clients, elapsed, all.length, errors.get(), all.length / elapsed);
        System.out.printf("latency ms: p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", pct(all, 50), pct(all, 90),
                pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
