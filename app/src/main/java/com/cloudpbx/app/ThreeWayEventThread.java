package com.cloudpbx.app;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executor;

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

    private final OrderedSteps steps = new OrderedSteps("three-way-events",
            "A three-way session could not follow a media event", "media events waiting for three-way sessions",
            BACKLOG);

    @Override
    public void execute(Runnable step) {
        steps.execute(step);
    }

    /**
     * Takes no more steps and waits up to {@code limit} for those already waiting, so that they
     * reach the database before its connections close; whether all were done.
     */
    public boolean drain(Duration limit) {
        return steps.drain(limit);
    }

    @PreDestroy
    @Override
    public void close() {
        steps.close();
    }
}
