package com.cloudpbx.app;

import com.cloudpbx.core.presence.PresenceWatch;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 5 seconds, the registrations of the tenants whose presence is watched are read (one query
 * per tenant) and compared with the last read: a phone that registered or whose registration
 * expired changes its extension's presence within that time.
 */
@Singleton
public class PresenceRegistrationPoll {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceRegistrationPoll.class);

    private final PresenceWatch watch;

    public PresenceRegistrationPoll(PresenceWatch watch) {
        this.watch = watch;
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void poll() {
        try {
            watch.pollRegistrations();
        } catch (RuntimeException e) {
            // The next poll tries again: a failure must not end the schedule.
            LOG.error("Could not poll registrations for presence", e);
        }
    }
}
