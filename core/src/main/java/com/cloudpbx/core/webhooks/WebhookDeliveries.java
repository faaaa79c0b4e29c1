package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A webhook's delivery log and what its owner does with it: read it, send one delivery again (same
 * id and body, so the receiver can tell it is a repeat), and send a {@code webhook.test} event now
 * to see the receiver's answer.
 */
public final class WebhookDeliveries {

    private final WebhookRepository webhooks;
    private final WebhookOutbox outbox;
    private final DeliverWebhooks deliver;
    private final DeliveryDemand demand;
    private final DeliveryLimits limits;
    private final Clock clock;

    public WebhookDeliveries(WebhookRepository webhooks, WebhookOutbox outbox, DeliverWebhooks deliver,
                             DeliveryDemand demand, DeliveryLimits limits, Clock clock) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.deliver = deliver;
        this.demand = demand;
        this.limits = limits;
        this.clock = clock;
    }

    public Page<Delivery> list(Actor actor, UUID webhookId, DeliveryFilter filter, PageRequest page) {
        actor.require(Resource.WEBHOOKS, Access.READ);
        Webhook webhook = visible(actor, webhookId);
        return outbox.list(webhook.id(), filter, page);
    }

    /** Sends the delivery again as soon as a slot is free, whatever came of it before; it is pending meanwhile. */
    public Delivery retry(Actor actor, UUID webhookId, UUID deliveryId) {
        actor.require(Resource.WEBHOOKS, Access.WRITE);
        Webhook webhook = visible(actor, webhookId);
        if (!webhook.active()) {
            throw DomainException.badRequest("INVALID_STATE", "The webhook is inactive: activate it first"
                    + (webhook.disabledReason() == null ? "" : " (" + webhook.disabledReason() + ")"));
        }
        if (!outbox.requeue(webhook.id(), deliveryId, clock.instant())) {
            throw DomainException.notFound("Delivery");
        }
        demand.signal();
        return outbox.find(webhook.id(), deliveryId).orElseThrow(() -> DomainException.notFound("Delivery"));
    }

    /** Posts a {@code webhook.test} event now, active or not, and answers with the delivery and its attempt. */
    public Delivery test(Actor actor, UUID webhookId) {
        actor.require(Resource.WEBHOOKS, Access.WRITE);
        Webhook webhook = visible(actor, webhookId);
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhook_id", webhook.id().toString());
        data.put("name", webhook.name());
        data.put("message", "A test event sent from the API");
        var event = new WebhookEvent(UUID.randomUUID(), WebhookEventNames.TEST, webhook.tenant(), now, data);
        DueDelivery due = outbox.appendClaimed(webhook, event, now, lease());
        deliver.deliverNow(due);
        return outbox.find(webhook.id(), due.delivery().id()).orElseThrow(() -> DomainException.notFound("Delivery"));
    }

    private Duration lease() {
        return limits.lease();
    }

    private Webhook visible(Actor actor, UUID id) {
        return actor.visible(webhooks.findInScope(actor.tenantScope(), id), Webhook::tenant, "Webhook");
    }
}
