package com.cloudpbx.app;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that runs steps in the order they were given, for work that reads or writes the
 * database and so must not run on the thread delivering the media server's events. A step that
 * fails is logged and the next one runs. At most {@code backlog} steps wait; past it a step is
 * dropped and counted (logged once per thousand) rather than held in memory without bound.
 */
final class OrderedSteps implements Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderedSteps.class);

    private final String failed;
    private final String waiting;
    private final int backlog;
    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor thread;

    /**
     * @param name    the thread's name
     * @param failed  logged with a step's failure
     * @param waiting what waits, for the line logged when steps are dropped
     */
    OrderedSteps(String name, String failed, String waiting, int backlog) {
        this.failed = failed;
        this.waiting = waiting;
        this.backlog = backlog;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(backlog),
                Thread.ofPlatform().daemon().name(name).factory(), (step, executor) -> dropped(executor));
    }

    @Override
    public void execute(Runnable step) {
        thread.execute(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error(failed, e);
            }
        });
    }

    /** Takes no more steps and waits up to {@code limit} for those already waiting; whether all were done. */
    boolean drain(Duration limit) {
        thread.shutdown();
        try {
            return thread.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }

    private void dropped(ThreadPoolExecutor executor) {
        if (executor.isShutdown()) {
            return;
        }
        long count = dropped.incrementAndGet();
        // One line per thousand: a flood of drops must not become a flood of log lines.
        if (count % 1000 == 1) {
            LOG.error("{} {}: {} dropped so far (is the database away?)", backlog, waiting, count);
        }
    }
}
