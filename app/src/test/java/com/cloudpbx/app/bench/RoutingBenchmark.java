package com.cloudpbx.app.bench;

import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.routing.Did;
import com.cloudpbx.core.routing.InboundRouter;
import com.cloudpbx.core.routing.RouteDecision;
import com.cloudpbx.core.routing.RoutingPlan;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * One routing decision, {@link InboundRouter#route}, over the plan of a large tenant
 * ({@link RoutingFixture}: 1,000 DIDs, 200 ring groups, 50 schedules, 2,000 extensions, a
 * blocklist). Every invocation routes a random DID for a random caller at a random instant of a
 * week, so open and closed schedules, every ring strategy and the no-answer chains all take
 * their share. Sampled times, so JMH prints percentiles. Run with {@code bench/routing.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {

    private static final int INSTANTS = 4096;
    /** Blackhole tokens of {@link #floor}: about 8 us on the machine the figures in bench/README.md come from. */
    static final long FLOOR_TOKENS = 4000;

    private RoutingPlan plan;
    private Did[] dids;
    private String[] callers;
    private Instant[] instants;
    private InboundRouter router;

    @Setup
    public void setUp() {
        RoutingFixture fixture = RoutingFixture.standard();
        plan = fixture.plan();
        dids = fixture.dids().toArray(Did[]::new);
        callers = fixture.callers().toArray(String[]::new);
        SplittableRandom random = new SplittableRandom(7);
        Instant monday = Instant.parse("2026-12-07T00:00:00Z");
        instants = new Instant[INSTANTS];
        for (int i = 0; i < INSTANTS; i++) {
            instants[i] = monday.plusSeconds(random.nextLong(7 * 24 * 3600));
        }
        // As the server builds it (RoutingWiring).
        router = new InboundRouter(new SecureRandom(), new ConferenceRooms(new SecureRandom()));
    }

    @Benchmark
    public RouteDecision route() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return router.route(plan, dids[random.nextInt(dids.length)], callers[random.nextInt(callers.length)],
                instants[random.nextInt(INSTANTS)]);
    }

    /**
     * A fixed spin of about the median routing time, allocating nothing: the noise floor of the
     * machine. On shared cores a thread descheduled for a few milliseconds shows as a sample of
     * that length in both benchmarks, so the tail of {@link #route} is read against this one's.
     */
    @Benchmark
    public void floor() {
        Blackhole.consumeCPU(FLOOR_TOKENS);
    }

    /**
     * Runs both benchmarks with any JMH options given, then prints the p50, p99 and p99.9 of each in
     * microseconds, one line each.
     */
    public static void main(String[] args) throws Exception {
        var given = new CommandLineOptions(args);
        var options = new OptionsBuilder().parent(given)
                .include(RoutingBenchmark.class.getName() + "\\.(route|floor)$").build();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult result : results) {
            Statistics statistics = result.getPrimaryResult().getStatistics();
            System.out.printf(Locale.ROOT, "%s, %d samples: p50=%.2f us p99=%.2f us p99.9=%.2f us max=%.2f us%n",
                    result.getParams().getBenchmark().endsWith("route") ? "route decision" : "floor (spin, no routing)",
                    statistics.getN(), statistics.getPercentile(50),
                    statistics.getPercentile(99), statistics.getPercentile(99.9), statistics.getMax());
        }
    }
}
