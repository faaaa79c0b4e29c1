package com.cloudpbx.storage.bench;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallTrail;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.port.CallTrails;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.memory.InMemoryCallTrails;
import com.cloudpbx.storage.memory.InMemoryLiveChannels;
import com.cloudpbx.storage.memory.InMemoryParkSlots;
import com.cloudpbx.storage.redis.RedisCallTrails;
import com.cloudpbx.storage.redis.RedisConnections;
import com.cloudpbx.storage.redis.RedisLiveChannels;
import com.cloudpbx.storage.redis.RedisParkSlots;
import com.cloudpbx.storage.redis.RedisSettings;
import com.cloudpbx.storage.testing.RedisServer;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same mix of live-state operations against the in-memory adapters and the Redis adapters, one
 * after the other in one run: per simulated leg, put, find, list of its tenant, claim and release of
 * a park slot, trail save and find, and the removal of the oldest leg once {@code live} are up.
 * Prints operations per second and latency percentiles per adapter set and per operation.
 * Arguments as name=value: seconds (10), warmup-seconds (3), threads (1), tenants (20), live (400).
 */
public final class LiveStateBenchmark {

    enum Op { PUT, FIND, LIST_TENANT, CLAIM, RELEASE, TRAIL_SAVE, TRAIL_FIND, REMOVE }

    record Adapters(String name, LiveChannels channels, ParkSlots slots, CallTrails trails) {
    }

    private final int seconds;
    private final int warmupSeconds;
    private final int threads;
    private final List<TenantId> tenants = new ArrayList<>();
    private final int live;

    private LiveStateBenchmark(Map<String, String> settings) {
        this.seconds = Integer.parseInt(settings.getOrDefault("seconds", "10"));
        this.warmupSeconds = Integer.parseInt(settings.getOrDefault("warmup-seconds", "3"));
        this.threads = Integer.parseInt(settings.getOrDefault("threads", "1"));
        this.live = Integer.parseInt(settings.getOrDefault("live", "400"));
        for (int i = 0; i < Integer.parseInt(settings.getOrDefault("tenants", "20")); i++) {
            tenants.add(TenantId.of(UUID.randomUUID()));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("arguments are name=value, not " + arg);
            }
            settings.put(pair[0], pair[1]);
        }
        // Without a configuration Logback logs every Redis command at debug, which would be the measure.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        new LiveStateBenchmark(settings).run();
    }

    private void run() throws Exception {
        String url = RedisServer.shared().url();
        String prefix = "bench-" + RedisServer.uniquePrefix();
        System.out.printf("threads=%d tenants=%d live=%d seconds=%d (+%d warm-up), Redis at %s%n",
                threads, tenants.size(), live, seconds, warmupSeconds, url);
        Adapters memory = new Adapters("in-memory", new InMemoryLiveChannels(), new InMemoryParkSlots(),
                new InMemoryCallTrails());
        measure(memory);
        try (RedisConnections redis = new RedisConnections(new RedisSettings(url, prefix, 2000))) {
            measure(new Adapters("redis", new RedisLiveChannels(redis), new RedisParkSlots(redis),
                    new RedisCallTrails(redis)));
            removeKeys(redis, prefix);
        }
    }

    private void measure(Adapters adapters) throws Exception {
        play(adapters, Duration.ofSeconds(warmupSeconds));
        List<Map<Op, long[]>> perThread = play(adapters, Duration.ofSeconds(seconds));
        Map<Op, List<long[]>> byOp = new EnumMap<>(Op.class);
        long total = 0;
        List<long[]> all = new ArrayList<>();
        for (Map<Op, long[]> thread : perThread) {
            thread.forEach((op, samples) -> {
                byOp.computeIfAbsent(op, k -> new ArrayList<>()).add(samples);
                all.add(samples);
            });
        }
        long[] every = concat(all);
        total = every.length;
        System.out.printf("%-9s all ops: %,.0f ops/s, %s%n", adapters.name(), total / (double) seconds, percentiles(every));
        byOp.forEach((op, samples) -> {
            long[] joined = concat(samples);
            System.out.printf("%-9s   %-11s %,10.0f ops/s, %s%n", adapters.name(), op.name().toLowerCase(),
                    joined.length / (double) seconds, percentiles(joined));
        });
    }

    /** Each thread plays legs for the duration; returns each thread's latencies (ns) per operation. */
    private List<Map<Op, long[]>> play(Adapters adapters, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<Op, long[]>>> results = new ArrayList<>();
            long end = System.nanoTime() + duration.toNanos();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> legs(adapters, thread, end)));
            }
            List<Map<Op, long[]>> latencies = new ArrayList<>();
            for (Future<Map<Op, long[]>> result : results) {
                latencies.add(result.get());
            }
            return latencies;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<Op, long[]> legs(Adapters adapters, int thread, long end) {
        Map<Op, Samples> samples = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            samples.put(op, new Samples());
        }
        Queue<LiveChannel> up = new ArrayDeque<>();
        Instant startedAt = Instant.parse("2026-03-01T10:00:00Z");
        for (long leg = 0; System.nanoTime() < end; leg++) {
            TenantId tenant = tenants.get((int) (leg % tenants.size()));
            UUID uuid = UUID.randomUUID();
            LiveChannel channel = new LiveChannel(uuid, uuid, tenant, "1001", "+15551230001", "Alice", "+15559870000",
                    CallDirection.INBOUND, true, false, startedAt.plusMillis(leg), startedAt.plusMillis(leg), null,
                    null, null);
            CallTrail trail = CallTrail.begin(new MediaEvent.ChannelCreated(uuid, uuid, tenant, CallDirection.INBOUND,
                    "1001", "+15551230001", "Alice", "+15559870000", channel.startedAt()));
            String slot = "7" + thread + "_" + (leg % 50);
            time(samples, Op.PUT, () -> adapters.channels().put(channel));
            time(samples, Op.FIND, () -> adapters.channels().find(uuid));
            time(samples, Op.LIST_TENANT, () -> adapters.channels().list(Optional.of(tenant)));
            time(samples, Op.CLAIM, () -> adapters.slots().claim(tenant, slot, uuid));
            time(samples, Op.RELEASE, () -> adapters.slots().release(tenant, slot));
            time(samples, Op.TRAIL_SAVE, () -> adapters.trails().save(trail));
            time(samples, Op.TRAIL_FIND, () -> adapters.trails().find(uuid));
            up.add(channel);
            if (up.size() > live / threads) {
                LiveChannel oldest = up.remove();
                time(samples, Op.REMOVE, () -> {
                    adapters.channels().remove(oldest.uuid());
                    adapters.trails().remove(oldest.uuid());
                });
            }
        }
        for (LiveChannel left : up) {
            adapters.channels().remove(left.uuid());
            adapters.trails().remove(left.uuid());
        }
        Map<Op, long[]> result = new EnumMap<>(Op.class);
        samples.forEach((op, s) -> result.put(op, s.toArray()));
        return result;
    }

    private static void time(Map<Op, Samples> samples, Op op, Runnable operation) {
        long start = System.nanoTime();
        operation.run();
        samples.get(op).add(System.nanoTime() - start);
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(part -> part.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String percentiles(long[] nanos) {
        if (nanos.length == 0) {
            return "no samples";
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50=%.1f us p99=%.1f us p99.9=%.1f us max=%.1f us", at(sorted, 0.50), at(sorted, 0.99),
                at(sorted, 0.999), sorted[sorted.length - 1] / 1000.0);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }

    private static void removeKeys(RedisConnections redis, String prefix) {
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            var page = redis.await(redis.async().scan(cursor, ScanArgs.Builder.matches(prefix + ":*").limit(1000)));
            if (!page.getKeys().isEmpty()) {
                redis.await(redis.async().del(page.getKeys().toArray(String[]::new)));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    /** A growable array of latencies, so recording one costs no boxing. */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
