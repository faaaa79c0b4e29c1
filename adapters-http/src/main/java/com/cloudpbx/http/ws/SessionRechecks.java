package com.cloudpbx.http.ws;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SessionStandings#recheckAll()} at the configured interval, from the start on. A
 * schedule of its own rather than {@code @Scheduled}, whose interval would be a second copy of the
 * setting's default.
 */
@Singleton
class SessionRechecks {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRechecks.class);

    // Resolved at the first sweep, as a scheduled method's bean would be: not a reason to build it at start.
    private final BeanProvider<SessionStandings> standings;
    private final TaskScheduler scheduler;
    private final Duration interval;

    SessionRechecks(BeanProvider<SessionStandings> standings, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                    SessionRecheckSettings settings) {
        this.standings = standings;
        this.scheduler = scheduler;
        this.interval = Duration.ofSeconds(settings.sessionRecheckSeconds());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        scheduler.scheduleWithFixedDelay(interval, interval, () -> {
            // A failure must not end the schedule: the next sweep may succeed.
            try {
                standings.get().recheckAll();
            } catch (RuntimeException e) {
                LOG.error("Rechecking the events sockets' credentials failed", e);
            }
        });
    }
}
