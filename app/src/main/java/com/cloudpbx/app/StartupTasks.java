package com.cloudpbx.app;

import com.cloudpbx.core.calls.CompleteAttendedTransfers;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.TrackCalls;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.idempotency.Idempotency;
import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import com.cloudpbx.core.identity.ApiKeyUsage;
import com.cloudpbx.core.identity.BootstrapSuperadmin;
import com.cloudpbx.core.presence.PresenceWatch;
import com.cloudpbx.core.threeway.FollowThreeWayCalls;
import com.cloudpbx.app.settings.ApiKeyUsageSettings;
import com.cloudpbx.app.settings.SuperadminSettings;
import com.cloudpbx.freeswitch.media.EslMediaServer;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects call tracking, attended-transfer follow-ups and presence to the media server (and only then, with
 * FreeSWITCH configured, connects to the switches), creates the first superadmin on an empty
 * database, and writes API-key usage in batches (the last batch at shutdown: {@link ShutdownSequence}).
 */
@Singleton
public class StartupTasks {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);
    private static final Duration FIRST_USAGE_FLUSH = Duration.ofSeconds(10);

    private final BootstrapSuperadmin bootstrap;
    private final LegControl media;
    private final IdempotencyStore idempotencyStore;
    private final Clock clock;
    private final TrackCalls trackCalls;
    private final CompleteAttendedTransfers attendedTransfers;
    private final FollowThreeWayCalls threeWayCalls;
    private final PresenceWatch presence;
    private final ApiKeyUsage usage;
    private final Optional<String> email;
    private final Optional<String> password;
    private final Optional<EslMediaServer> freeSwitch;
    private final TaskScheduler scheduler;
    private final Duration usageFlushInterval;
    private final WebhookDispatchLoop webhooks;

    public StartupTasks(BootstrapSuperadmin bootstrap, ApiKeyUsage usage, LegControl media, TrackCalls trackCalls,
                        CompleteAttendedTransfers attendedTransfers, FollowThreeWayCalls threeWayCalls,
                        PresenceWatch presence, IdempotencyStore idempotencyStore, Clock clock,
                        SuperadminSettings superadmin, Optional<EslMediaServer> freeSwitch,
                        @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, ApiKeyUsageSettings usageSettings,
                        WebhookDispatchLoop webhooks) {
        this.bootstrap = bootstrap;
        this.media = media;
        this.idempotencyStore = idempotencyStore;
        this.clock = clock;
        this.trackCalls = trackCalls;
        this.attendedTransfers = attendedTransfers;
        this.threeWayCalls = threeWayCalls;
        this.presence = presence;
        this.usage = usage;
        this.email = superadmin.givenEmail();
        this.password = superadmin.givenPassword();
        this.freeSwitch = freeSwitch;
        this.scheduler = scheduler;
        this.usageFlushInterval = usageSettings.usageFlushInterval();
        this.webhooks = webhooks;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        media.listen(trackCalls);
        // Second, so a transfer's follow-up commands see live state that already includes the event.
        media.listen(attendedTransfers);
        media.listen(threeWayCalls);
        media.listen(presence);
        freeSwitch.ifPresent(switches -> switches.whenApplyingEvents(host -> settle(switches)));
        // Only now: the resynchronisation after connecting reports calls to the listeners above.
        freeSwitch.ifPresent(EslMediaServer::start);
        scheduler.scheduleWithFixedDelay(FIRST_USAGE_FLUSH, usageFlushInterval, this::flushApiKeyUsage);
        webhooks.start();
        bootstrap.ensure(email, password).ifPresent(outcome -> {
            if (outcome.generatedPassword() == null) {
                LOG.info("Created superadmin {} with the password from VOIP_SUPERADMIN_PASSWORD", outcome.email());
            } else {
                // Shown exactly once, as it is stored only as a hash; on the console and never in the
                // log stream, which is shipped and kept elsewhere.
                LOG.info("Created superadmin {} with a generated password, printed on the console", outcome.email());
                System.out.println("Created superadmin " + outcome.email() + " with generated password "
                        + outcome.generatedPassword() + " (shown only now; set VOIP_SUPERADMIN_PASSWORD to choose one)");
                System.out.flush();
            }
        });
    }

    /**
     * Ends the live legs no switch has any more, left behind by a crash (every node down, or the node
     * applying the events gone before it applied their hang-ups). Only with every switch connected:
     * a leg of a switch out of reach is not gone.
     */
    private void settle(EslMediaServer switches) {
        if (!switches.disconnectedHosts().isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        Set<UUID> legs = switches.channels().stream().map(LiveChannel::uuid).collect(Collectors.toSet());
        trackCalls.settle(legs, at);
    }

    /** Every {@code voip.api-keys.usage-flush-interval}, the first time 10 s after the start. */
    void flushApiKeyUsage() {
        try {
            usage.flush();
        } catch (RuntimeException e) {
            // The next flush tries again: a failure must not end the schedule.
            LOG.error("Could not record API-key usage", e);
        }
    }

    /** Idempotency keys are honoured for 24 hours; older ones are dropped. */
    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void purgeIdempotencyKeys() {
        idempotencyStore.purgeOlderThan(clock.instant().minus(Idempotency.RETENTION));
    }
}
