package com.cloudpbx.app;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;

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

    private final OrderedSteps steps = new OrderedSteps("presence-events", "Presence could not follow a change",
            "changes waiting for presence", BACKLOG);

    @Override
    public void execute(Runnable step) {
        steps.execute(step);
    }

    @PreDestroy
    @Override
    public void close() {
        steps.close();
    }
}
