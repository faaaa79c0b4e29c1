package com.cloudpbx.core.webhooks.port;

import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.webhooks.Delivery;
import com.cloudpbx.core.webhooks.DeliveryAttempt;
import com.cloudpbx.core.webhooks.DeliveryFilter;
import com.cloudpbx.core.webhooks.DeliveryStatus;
import com.cloudpbx.core.webhooks.DueDelivery;
import com.cloudpbx.core.webhooks.Webhook;
import com.cloudpbx.core.webhooks.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Port: the durable queue of deliveries, shared by every API node. Writes join the caller's
 * transaction when one is open, so an event is stored together with the change that raised it or
 * not at all. A claimed delivery is held by one node until its lease ends: two nodes never attempt
 * the same delivery at once, and one a dead node held becomes due again when its lease ends.
 */
public interface WebhookOutbox {

    /**
     * Stores one pending delivery, due now, for each active webhook of the event's tenant that
     * subscribes to the event, each with the body {@code {id, event, tenantId, timestamp, data}};
     * the number stored.
     */
    int append(WebhookEvent event);

    /**
     * Stores a delivery of the event to this webhook alone, whatever it subscribes to, already
     * claimed by the caller until {@code now + lease} (it attempts it at once).
     */
    DueDelivery appendClaimed(Webhook webhook, WebhookEvent event, Instant now, Duration lease);

    /**
     * Claims up to {@code max} pending deliveries of active webhooks due at {@code now}, oldest due
     * first, none of the {@code excluded} webhooks' and none another node is claiming: each is due
     * again only at {@code now + lease}.
     */
    List<DueDelivery> claim(int max, Set<UUID> excluded, Instant now, Duration lease);

    /** Hands claimed deliveries back unattempted, due at {@code dueAt}; one recorded meanwhile stays as it is. */
    void release(Collection<UUID> deliveryIds, Instant dueAt);

    /**
     * Records an attempt and what follows it: {@code DELIVERED}, {@code FAILED} for good, or
     * {@code PENDING} again, due at {@code nextAttemptAt}.
     */
    void recordAttempt(UUID deliveryId, DeliveryAttempt attempt, DeliveryStatus next, Instant nextAttemptAt);

    /** The webhook's deliveries, newest first, each with its attempts. */
    Page<Delivery> list(UUID webhookId, DeliveryFilter filter, PageRequest page);

    /** One of the webhook's deliveries with its attempts; empty when it has no such delivery. */
    Optional<Delivery> find(UUID webhookId, UUID deliveryId);

    /**
     * Makes one of the webhook's deliveries pending and due at {@code now} again, with its id and body;
     * false when it has no such delivery.
     */
    boolean requeue(UUID webhookId, UUID deliveryId, Instant now);

    /** Deletes up to {@code max} delivered or failed deliveries created before {@code before}; the number deleted. */
    int purgeFinished(Instant before, int max);

    /** How many deliveries are pending, due or not. */
    long pendingCount();
}
