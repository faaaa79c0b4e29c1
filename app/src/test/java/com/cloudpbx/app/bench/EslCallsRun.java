package com.cloudpbx.app.bench;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.TrackCalls;
import com.cloudpbx.core.calls.port.AttendedTransfers;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.calls.port.CallTrails;
import com.cloudpbx.core.calls.port.EventPublisher;
import com.cloudpbx.core.calls.port.HangupLedger;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Subdomain;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStatus;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.webhooks.RaiseWebhookEvents;
import com.cloudpbx.freeswitch.media.bench.CallFrames.Event;
import com.cloudpbx.freeswitch.media.bench.CallPlan;
import com.cloudpbx.freeswitch.media.bench.PacedCallTraffic;
import com.cloudpbx.freeswitch.media.bench.TrafficSwitch;
import com.cloudpbx.storage.postgres.calls.BatchingCallHistory;
import com.cloudpbx.storage.postgres.calls.JdbcCallHistory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * One end-to-end run: scripted calls from a fake FreeSWITCH over real TCP, through the Event Socket
 * client and the media server adapter into call tracking, wired as the server wires it ({@code StartupTasks})
 * with the running server's live-call ports, events-socket publisher and call history (PostgreSQL
 * on a fresh database). The server itself stays on the simulated switch, which stays idle.
 */
final class EslCallsRun {

    private static final Duration CONNECT_WITHIN = Duration.ofSeconds(10);
    private static final long SAMPLE_NANOS = 2_000_000_000L;

    private final EslCallsSettings settings;
    private final Consumer<String> progress;

    EslCallsRun(EslCallsSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    EslCallsResult run() throws Exception {
        CallPlan plan = settings.plan();
        TenantId tenant = TenantId.of(UUID.randomUUID());
        try (ApiServer server = ApiServer.start(); TrafficSwitch fs = new TrafficSwitch()) {
            server.bean(TenantRepository.class).insert(tenant(tenant));
            var traffic = new PacedCallTraffic(fs.fake(), plan, tenant.value(), ThreadLocalRandom.current().nextLong());
            var commits = new CommitTimes(server.bean(JdbcCallHistory.class), traffic::callIndex, plan.calls());
            if (!(server.bean(CallHistory.class) instanceof BatchingCallHistory)) {
                throw new IllegalStateException("the server's call history is no longer a BatchingCallHistory; "
                        + "measure what it is instead");
            }
            // As the application's CallHistory bean, but with every batch write timed.
            var history = new BatchingCallHistory(server.bean(JdbcCallHistory.class), commits);
            LiveChannels live = server.bean(LiveChannels.class);
            CallTrails callTrails = server.bean(CallTrails.class);
            var notifications = new AtomicLong();
            EventPublisher sockets = server.bean(EventPublisher.class);
            EventPublisher publisher = notification -> {
                notifications.incrementAndGet();
                sockets.publish(notification);
            };
            // Notes when each call's last hangup reaches call tracking, which listens next.
            var delivered = new AtomicLongArray(plan.calls());
            fs.media().listen(event -> {
                int index = event instanceof ChannelHungUp ? traffic.callIndex(event.uuid()) : -1;
                if (index >= 0) {
                    delivered.compareAndSet(index, 0, System.nanoTime());
                }
            });
            // As StartupTasks wires it, with the history measured.
            fs.media().listen(new TrackCalls(live, server.bean(ParkSlots.class), callTrails,
                    server.bean(HangupLedger.class), server.bean(AttendedTransfers.class), history, publisher,
                    server.bean(RaiseWebhookEvents.class)));
            fs.connect(CONNECT_WITHIN);

            traffic.start();
            List<String> timeline = awaitRecords(traffic, commits, live, notifications);
            // Straggling repeats would show up here.
            Thread.sleep(200);
            history.close();

            int calls = plan.calls();
            int trails = 0;
            for (int call = 0; call < calls; call++) {
                trails += callTrails.find(traffic.callUuid(call)).isPresent() ? 1 : 0;
            }
            var lags = new CallLags(traffic, commits, delivered, calls);
            double headers = Arrays.stream(Event.values()).mapToInt(traffic.frames()::headers).average().orElse(0);
            return new EslCallsResult(settings, calls, headers, traffic.sentCalls(), traffic.sentEvents(),
                    traffic.sentBytes(), traffic.sendingNanos(), traffic.mostLateNanos(), commits.stored(),
                    commits.refused(), commits.foreign(), commits.writes(), commits.largestWrite(),
                    count(server, "SELECT count(*) FROM call_records WHERE tenant_id = ?", tenant),
                    count(server, "SELECT count(DISTINCT call_uuid) FROM call_records WHERE tenant_id = ?", tenant),
                    live.list(Optional.empty()).size(), trails, fs.media().channels().size(), lags.commitSpan(),
                    lags.toCommit(0, calls), lags.toCommit(Math.min(calls, settings.warmupSeconds() * settings.rate()),
                    calls), lags.toTracking(), commits.sortedWriteNanos(), lags.windows(settings.rate(), 2), timeline);
        }
    }

    /**
     * Reports progress every two seconds until every call sent has its record, or until no record
     * came for {@code drain-seconds} after the last call was sent; returns the progress lines.
     */
    private List<String> awaitRecords(PacedCallTraffic traffic, CommitTimes commits, LiveChannels live,
                                      AtomicLong notifications) throws InterruptedException {
        List<String> timeline = new ArrayList<>();
        long started = System.nanoTime();
        long lastStored = -1;
        long lastProgress = started;
        long nextSample = started + SAMPLE_NANOS;
        long gcMillis = gcMillis();
        while (true) {
            Thread.sleep(20);
            long now = System.nanoTime();
            boolean sent = traffic.finished();
            if (commits.stored() != lastStored) {
                lastStored = commits.stored();
                lastProgress = now;
            }
            if (now >= nextSample) {
                long gcNow = gcMillis();
                String line = String.format("t=%5.1fs sent=%d cdrs=%d live-channels=%d notifications=%d "
                                + "slowest-write=%.1fms gc=%dms", (now - started) / 1e9, traffic.sentCalls(),
                        commits.stored(), live.list(Optional.empty()).size(), notifications.get(),
                        commits.takeSlowestRecentWrite() / 1e6, gcNow - gcMillis);
                gcMillis = gcNow;
                timeline.add(line);
                progress.accept(line);
                nextSample += SAMPLE_NANOS;
            }
            boolean done = sent && commits.stored() >= traffic.sentCalls();
            boolean stuck = sent && now - lastProgress > Duration.ofSeconds(settings.drainSeconds()).toNanos();
            if (done || stuck) {
                return timeline;
            }
        }
    }

    /** Time the garbage collectors spent so far (pauses and concurrent work, as the JVM counts it). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long count(ApiServer server, String sql, TenantId tenant) throws SQLException {
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, tenant.value());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Tenant tenant(TenantId id) {
        String label = "bench-" + id.value().toString().substring(0, 8);
        Instant now = Instant.now();
        return new Tenant(id, "Bench Calls", new Subdomain(label), label + ".sip.test", TenantStatus.ACTIVE, now, now);
    }
}
