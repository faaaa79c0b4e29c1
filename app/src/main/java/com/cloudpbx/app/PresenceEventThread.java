package com.cloudpbx.app;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which {@code PresenceWatch} follows presence: media events, extension changes
 * and registration reads, in the order they came. Loading a tenant's presence reads the database,
 * so that runs here rather than on the thread that delivers the media server's events; a step
 * that fails is logged and the next one runs. At most {@link #BACKLOG} steps wait; past it a step
 * is dropped and logged rather than held in memory without bound; what it concerned may then
 * be raised late or not at all (a dropped hang-up leaves its extension on the call for the
 * events, never for {@code GET /api/presence}, until the leg is forgotten).
 */
@Singleton
public final class PresenceEventThread implements Executor, AutoCloseable {

    static final int BACKLOG = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(PresenceEventThread.class);

    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(BACKLOG), Thread.ofPlatform().daemon().name("presence-events").factory(),
            (step, executor) -> dropped(executor));

    @Override
    public void execute(Runnable step) {
        thread.execute(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error("Presence could not follow a change", e);
            }
        });
    }

    private void dropped(ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            return;
        }
        long count = dropped.incrementAndGet();
        // One line per thousand: a flood of drops must not become a flood of log lines.
        if (count % 1000 == 1) {
            LOG.error("{} changes waiting for presence: {} dropped so far (is the database away?)",
                    BACKLOG, count);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        thread.shutdown();
    }
}
