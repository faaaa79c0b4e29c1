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
 * The one thread that moves three-way sessions on from media events, in the order they came.
 * Those steps read and write the database, so they run here rather than on the thread that
 * delivers the media server's events; a step that fails (say, the database is away) is logged
 * and the next one runs.
 * <p>
 * Every answer and hang-up of every call is a step, and while the database is away each one waits
 * for a connection. The steps waiting are therefore capped at {@link #BACKLOG}: past it a step is
 * dropped and logged, as it would have failed against the missing database anyway, rather than
 * held in memory without bound or made to hold up the media events.
 */
@Singleton
public final class ThreeWayEventThread implements Executor, AutoCloseable {

    static final int BACKLOG = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ThreeWayEventThread.class);

    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(BACKLOG), Thread.ofPlatform().daemon().name("three-way-events").factory(),
            (step, executor) -> dropped(executor));

    @Override
    public void execute(Runnable step) {
        thread.execute(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error("A three-way session could not follow a media event", e);
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
            LOG.error("{} media events waiting for three-way sessions: {} dropped so far (is the database away?)",
                    BACKLOG, count);
        }
    }

    /**
     * Takes no more steps and waits up to {@code limit} for those already waiting, so that they
     * reach the database before its connections close; whether all were done.
     */
    public boolean drain(java.time.Duration limit) {
        thread.shutdown();
        try {
            return thread.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        thread.shutdown();
    }
}
