package com.cloudpbx.app;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that moves three-way sessions on from media events, in the order they came.
 * Those steps read and write the database, so they run here rather than on the thread that
 * delivers the media server's events; a step that fails (say, the database is away) is logged
 * and the next one runs.
 */
@Singleton
public final class ThreeWayEventThread implements Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThreeWayEventThread.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("three-way-events").factory());

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

    @PreDestroy
    @Override
    public void close() {
        thread.shutdown();
    }
}
