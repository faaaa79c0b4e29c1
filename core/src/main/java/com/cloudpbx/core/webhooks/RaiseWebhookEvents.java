package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Takes every event the platform raises and stores one delivery for each webhook of the tenant
 * subscribed to it; a tenant without a subscribed webhook costs nothing. A change stored in a
 * transaction raises its event inside it ({@link #raise}), so both commit or neither does. The media
 * server's events, which cannot be refused, are stored before the next one is taken
 * ({@link #raiseOrHold}); while the database cannot take them they wait here, in order, and
 * {@link #storeHeld} stores them once it can.
 */
public final class RaiseWebhookEvents {

    /** About 100 MB of events at most: past it the oldest waiting event is dropped, with an error logged. */
    static final int MAX_HELD = 100_000;
    private static final System.Logger LOG = System.getLogger(RaiseWebhookEvents.class.getName());

    private final WebhookOutbox outbox;
    private final WebhookSubscriptions subscriptions;
    private final DeliveryDemand demand;
    private final Deque<WebhookEvent> held = new ArrayDeque<>();

    public RaiseWebhookEvents(WebhookOutbox outbox, WebhookSubscriptions subscriptions, DeliveryDemand demand) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.demand = demand;
    }

    /** Stores the event's deliveries now, in the caller's transaction if one is open; a failure is the caller's. */
    public void raise(WebhookEvent event) {
        if (!subscriptions.anySubscribes(event.tenant(), event.name())) {
            return;
        }
        if (outbox.append(event) > 0) {
            demand.signal();
        }
    }

    public void raise(TenantEvent event) {
        raise(WebhookEvent.of(event));
    }

    /**
     * Stores the event's deliveries now or, when events are already waiting or the store fails, keeps
     * it to be stored after them. Never throws.
     */
    public void raiseOrHold(WebhookEvent event) {
        synchronized (held) {
            if (!held.isEmpty()) {
                hold(event);
                return;
            }
        }
        try {
            raise(event);
        } catch (RuntimeException e) {
            synchronized (held) {
                if (held.isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, "Webhook deliveries cannot be stored (" + e.getMessage()
                            + "); events wait in memory until they can");
                }
                hold(event);
            }
        }
    }

    public void raiseOrHold(TenantEvent event) {
        raiseOrHold(WebhookEvent.of(event));
    }

    /** Stores the events waiting, oldest first, until the store fails again; the number stored. */
    public int storeHeld() {
        int stored = 0;
        while (true) {
            WebhookEvent next;
            synchronized (held) {
                next = held.peekFirst();
            }
            if (next == null) {
                return stored;
            }
            raise(next);
            synchronized (held) {
                held.pollFirst();
            }
            stored++;
        }
    }

    public int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    private void hold(WebhookEvent event) {
        if (held.size() >= MAX_HELD) {
            WebhookEvent dropped = held.pollFirst();
            LOG.log(System.Logger.Level.ERROR, "Dropped the webhook event " + dropped.name() + " " + dropped.id()
                    + " of tenant " + dropped.tenant() + ": " + MAX_HELD + " events wait for the database");
        }
        held.addLast(event);
    }
}
