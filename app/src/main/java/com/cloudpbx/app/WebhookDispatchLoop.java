package com.cloudpbx.app;

import com.cloudpbx.core.webhooks.DeliverWebhooks;
import com.cloudpbx.core.webhooks.DeliveryDemand;
import com.cloudpbx.core.webhooks.RaiseWebhookEvents;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's delivery loop, on a thread of its own: stores the events that waited for the database
 * (see {@link RaiseWebhookEvents#raiseOrHold}), then claims due deliveries as long as there are
 * some and slots are free, otherwise sleeps until an event is stored or an attempt ends on this
 * node, or for the poll interval (deliveries stored by other nodes, retries come due). Once an
 * hour it removes finished deliveries older than the retention. A database outage only pauses it.
 */
public final class WebhookDispatchLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatchLoop.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final int PURGE_BATCH = 10_000;
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private static final Duration ATTEMPTS_DRAIN = Duration.ofSeconds(3);

    private final RaiseWebhookEvents raised;
    private final DeliverWebhooks deliver;
    private final WebhookAttemptThreads attempts;
    private final WebhookOutbox outbox;
    private final DeliveryDemand demand;
    private final Duration poll;
    private final Duration retention;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private Instant nextPurge;

    /** @param attempts where {@code deliver} makes its attempts; shut down by {@link #close()} */
    public WebhookDispatchLoop(RaiseWebhookEvents raised, DeliverWebhooks deliver, WebhookAttemptThreads attempts, WebhookOutbox outbox,
                               DeliveryDemand demand, Duration poll, Duration retention, Clock clock) {
        this.raised = raised;
        this.deliver = deliver;
        this.attempts = attempts;
        this.outbox = outbox;
        this.demand = demand;
        this.poll = poll;
        this.retention = retention;
        this.clock = clock;
        this.nextPurge = clock.instant().plus(Duration.ofMinutes(1));
        this.thread = Thread.ofPlatform().daemon().name("webhook-dispatch").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                raised.storeHeld();
                if (deliver.deliverDue() == 0) {
                    demand.await(poll);
                }
                purgeWhenDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not claim webhook deliveries ({}); trying again in {} ms", e.getMessage(),
                        AFTER_FAILURE.toMillis());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        int purged;
        do {
            purged = outbox.purgeFinished(now.minus(retention), PURGE_BATCH);
        } while (purged == PURGE_BATCH && running);
    }

    private boolean pause() {
        try {
            Thread.sleep(AFTER_FAILURE);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops claiming and gives the attempts under way a moment to be recorded; one still waiting for
     * its receiver is claimed again, by any node, once its lease ends.
     */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(ATTEMPTS_DRAIN);
            if (!attempts.shutdown(ATTEMPTS_DRAIN)) {
                LOG.warn("{} webhook attempts still under way at shutdown are delivered again after their lease",
                        deliver.inFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
