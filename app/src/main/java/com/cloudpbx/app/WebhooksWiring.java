package com.cloudpbx.app;

import com.cloudpbx.app.settings.WebhookSettings;
import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.webhooks.DeliverWebhooks;
import com.cloudpbx.core.webhooks.DeliveryDemand;
import com.cloudpbx.core.webhooks.DeliveryHeaders;
import com.cloudpbx.core.webhooks.DeliveryLimits;
import com.cloudpbx.core.webhooks.RaiseWebhookEvents;
import com.cloudpbx.core.webhooks.RetrySchedule;
import com.cloudpbx.core.webhooks.WebhookDeliveries;
import com.cloudpbx.core.webhooks.WebhookManagement;
import com.cloudpbx.core.webhooks.WebhookRules;
import com.cloudpbx.core.webhooks.WebhookSecrets;
import com.cloudpbx.core.webhooks.WebhookSigner;
import com.cloudpbx.core.webhooks.WebhookSubscriptions;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import com.cloudpbx.core.webhooks.port.WebhookSender;
import com.cloudpbx.http.outbound.WebhookTargetSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Webhooks: every event the core raises goes through {@link RaiseWebhookEvents} into the outbox,
 * and each node's {@link WebhookDispatchLoop} (started by {@link StartupTasks}, stopped by
 * {@link ShutdownSequence}) delivers from it, each attempt on a virtual thread of its own.
 */
@Factory
public class WebhooksWiring {

    /**
     * A claim lasts four of the longest attempts (connect and read timeouts) and 10 s: long enough
     * for a delivery waiting behind its webhook's attempts under way to start and finish, so that a
     * live node keeps its claims until it records them; a dead node's come due again after it (90 s
     * with the default timeouts).
     */
    private static final int ATTEMPTS_PER_LEASE = 4;
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);
    private static final Duration MAX_RETRY_WAIT = Duration.ofHours(12);

    @Singleton
    DeliveryDemand deliveryDemand() {
        return new DeliveryDemand();
    }

    @Singleton
    WebhookSubscriptions webhookSubscriptions(WebhookRepository webhooks, BoundedCaches caches) {
        return new WebhookSubscriptions(webhooks, caches);
    }

    @Singleton
    RaiseWebhookEvents raiseWebhookEvents(WebhookOutbox outbox, WebhookSubscriptions subscriptions,
                                          DeliveryDemand demand) {
        return new RaiseWebhookEvents(outbox, subscriptions, demand);
    }

    @Singleton
    WebhookManagement webhookManagement(WebhookRepository webhooks, TenantRepository tenants, SecretCipher cipher,
                                        WebhookSubscriptions subscriptions, WebhookSettings settings,
                                        WebhookTargetSettings targets, Transactions transactions, AuditRecorder audit,
                                        Clock clock) {
        return new WebhookManagement(webhooks, tenants, new WebhookSecrets(new SecureRandom()), cipher, subscriptions,
                new WebhookRules(Set.copyOf(targets.allowedPorts()), settings.maxPerTenant()), transactions, audit,
                clock);
    }

    @Singleton
    DeliveryLimits deliveryLimits(WebhookSettings settings, WebhookTargetSettings targets) {
        Duration attempt = Duration.ofSeconds(targets.connectTimeoutSeconds() + targets.readTimeoutSeconds());
        return new DeliveryLimits(settings.maxInFlight(), settings.perWebhook(), attempt,
                attempt.multipliedBy(ATTEMPTS_PER_LEASE).plus(LEASE_MARGIN),
                Duration.ofHours(settings.disableAfterFailingHours()));
    }

    /** Typed as itself alone: it must not answer for every {@code Executor} injected elsewhere. */
    @Singleton
    @Bean(typed = WebhookAttemptThreads.class)
    WebhookAttemptThreads webhookAttemptThreads() {
        return new WebhookAttemptThreads();
    }

    @Singleton
    DeliverWebhooks deliverWebhooks(WebhookOutbox outbox, WebhookRepository webhooks, WebhookSender sender,
                                    SecretCipher cipher, WebhookSubscriptions subscriptions, DeliveryDemand demand,
                                    DeliveryLimits limits, WebhookAttemptThreads attempts, Clock clock) {
        return new DeliverWebhooks(outbox, webhooks, sender, cipher, new DeliveryHeaders(new WebhookSigner()),
                new RetrySchedule(MAX_RETRY_WAIT, () -> ThreadLocalRandom.current().nextDouble()), subscriptions,
                demand, limits, attempts, clock);
    }

    @Singleton
    WebhookDeliveries webhookDeliveries(WebhookRepository webhooks, WebhookOutbox outbox, DeliverWebhooks deliver,
                                        DeliveryDemand demand, DeliveryLimits limits, Clock clock) {
        return new WebhookDeliveries(webhooks, outbox, deliver, demand, limits, clock);
    }

    @Singleton
    WebhookDispatchLoop webhookDispatchLoop(RaiseWebhookEvents raised, DeliverWebhooks deliver,
                                            WebhookAttemptThreads attempts, WebhookOutbox outbox,
                                            DeliveryDemand demand, WebhookSettings settings, Clock clock) {
        return new WebhookDispatchLoop(raised, deliver, attempts, outbox, demand,
                Duration.ofMillis(settings.pollMillis()), Duration.ofDays(settings.retentionDays()), clock);
    }
}
