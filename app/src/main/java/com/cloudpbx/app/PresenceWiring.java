package com.cloudpbx.app;

import com.cloudpbx.core.presence.PresenceWatch;
import com.cloudpbx.core.presence.port.PresenceSubjects;
import com.cloudpbx.core.presence.port.Registrations;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.port.TenantEventPublisher;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.webhooks.RaiseWebhookEvents;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * {@code presence_change}: the watch follows media events, extension changes and registrations on
 * its own thread. It is connected to the media server by {@link StartupTasks} and polled for
 * registrations by {@link PresenceRegistrationPoll}.
 */
@Factory
public class PresenceWiring {

    /** Tenants whose presence is followed at once; per tenant about 200 bytes per extension. */
    static final int MAX_TENANTS = 1_000;
    /** Live legs of extensions followed at once, across tenants. */
    static final int MAX_LEGS = 100_000;

    @Singleton
    PresenceWatch presenceWatch(PresenceSubjects subjects, TenantRepository tenants,
                                Registrations registrations, TenantEventPublisher events,
                                RaiseWebhookEvents webhooks, ConfigurationChanges changes, Clock clock,
                                PresenceEventThread thread) {
        return new PresenceWatch(subjects, tenants, registrations, events, webhooks, changes, clock, thread,
                MAX_TENANTS, MAX_LEGS);
    }
}
