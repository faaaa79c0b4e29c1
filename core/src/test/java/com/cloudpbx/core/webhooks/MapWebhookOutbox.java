package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Deliveries in a map beside a {@link MapWebhookRepository}, for use-case tests. */
public final class MapWebhookOutbox implements WebhookOutbox {

    private final MapWebhookRepository webhooks;
    private final Map<UUID, Delivery> rows = new LinkedHashMap<>();
    private boolean unreachable;

    public MapWebhookOutbox(MapWebhookRepository webhooks) {
        this.webhooks = webhooks;
    }

    /** From now on, appends fail as they do while the database is away (or succeed again). */
    public synchronized void unreachable(boolean away) {
        this.unreachable = away;
    }

    @Override
    public synchronized int append(WebhookEvent event) {
        dropOrphans();
        if (unreachable) {
            throw new IllegalStateException("the database is unreachable");
        }
        List<Webhook> subscribed = webhooks.list(event.tenant()).stream()
                .filter(webhook -> webhook.subscribes(event.name())).toList();
        subscribed.forEach(webhook -> store(webhook, event, event.at()));
        return subscribed.size();
    }

    @Override
    public synchronized DueDelivery appendClaimed(Webhook webhook, WebhookEvent event, Instant now, Duration lease) {
        dropOrphans();
        return new DueDelivery(store(webhook, event, now.plus(lease)), webhook);
    }

    @Override
    public synchronized List<DueDelivery> claim(int max, Set<UUID> excluded, Instant now, Duration lease) {
        dropOrphans();
        List<DueDelivery> claimed = new ArrayList<>();
        List<Delivery> due = rows.values().stream()
                .filter(d -> d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now)
                        && !excluded.contains(d.webhookId()))
                .sorted(Comparator.comparing(Delivery::nextAttemptAt)).toList();
        for (Delivery delivery : due) {
            Optional<Webhook> webhook = webhooks.findByIdInAnyTenant(delivery.webhookId()).filter(Webhook::active);
            if (claimed.size() == max || webhook.isEmpty()) {
                continue;
            }
            Delivery leased = with(delivery, delivery.status(), delivery.attemptCount(), now.plus(lease),
                    delivery.deliveredAt(), delivery.attempts());
            rows.put(delivery.id(), leased);
            claimed.add(new DueDelivery(leased, webhook.get()));
        }
        return claimed;
    }

    @Override
    public synchronized void release(Collection<UUID> deliveryIds, Instant dueAt) {
        dropOrphans();
        deliveryIds.forEach(deliveryId -> rows.computeIfPresent(deliveryId, (id, d) -> d.status() != DeliveryStatus.PENDING
                ? d : with(d, d.status(), d.attemptCount(), dueAt, d.deliveredAt(), d.attempts())));
    }

    @Override
    public synchronized void recordAttempt(UUID deliveryId, DeliveryAttempt attempt, DeliveryStatus next,
                                           Instant nextAttemptAt) {
        dropOrphans();
        rows.computeIfPresent(deliveryId, (id, d) -> {
            List<DeliveryAttempt> attempts = new ArrayList<>(d.attempts());
            attempts.add(attempt);
            return with(d, next, d.attemptCount() + 1, next == DeliveryStatus.PENDING ? nextAttemptAt : null,
                    next == DeliveryStatus.DELIVERED ? attempt.at() : d.deliveredAt(), attempts);
        });
    }

    @Override
    public synchronized Page<Delivery> list(UUID webhookId, DeliveryFilter filter, PageRequest page) {
        dropOrphans();
        List<Delivery> matching = rows.values().stream()
                .filter(d -> d.webhookId().equals(webhookId))
                .filter(d -> filter.status().map(s -> s == d.status()).orElse(true))
                .filter(d -> filter.event().map(e -> e.equals(d.event())).orElse(true))
                .sorted(Comparator.comparing(Delivery::createdAt).reversed()).toList();
        List<Delivery> items = matching.stream().skip(page.offset()).limit(page.limit()).toList();
        return new Page<>(items, page, matching.size());
    }

    @Override
    public synchronized Optional<Delivery> find(UUID webhookId, UUID deliveryId) {
        dropOrphans();
        return Optional.ofNullable(rows.get(deliveryId)).filter(d -> d.webhookId().equals(webhookId));
    }

    @Override
    public synchronized boolean requeue(UUID webhookId, UUID deliveryId, Instant now) {
        dropOrphans();
        Delivery delivery = rows.get(deliveryId);
        if (delivery == null || !delivery.webhookId().equals(webhookId)) {
            return false;
        }
        rows.put(deliveryId, with(delivery, DeliveryStatus.PENDING, delivery.attemptCount(), now,
                delivery.deliveredAt(), delivery.attempts()));
        return true;
    }

    @Override
    public synchronized int purgeFinished(Instant before, int max) {
        dropOrphans();
        List<UUID> old = rows.values().stream()
                .filter(d -> d.status() != DeliveryStatus.PENDING && d.createdAt().isBefore(before))
                .limit(max).map(Delivery::id).toList();
        old.forEach(rows::remove);
        return old.size();
    }

    @Override
    public synchronized long pendingCount() {
        dropOrphans();
        return rows.values().stream().filter(d -> d.status() == DeliveryStatus.PENDING).count();
    }

    /** Every delivery stored, oldest first. */
    public synchronized List<Delivery> all() {
        dropOrphans();
        return List.copyOf(rows.values());
    }

    /** A webhook's deliveries go with it, as a database cascades its delete. */
    private void dropOrphans() {
        rows.values().removeIf(d -> webhooks.findByIdInAnyTenant(d.webhookId()).isEmpty());
    }

    private Delivery store(Webhook webhook, WebhookEvent event, Instant due) {
        var delivery = new Delivery(UUID.randomUUID(), webhook.id(), webhook.tenant(), event.id(), event.name(),
                body(event), DeliveryStatus.PENDING, 0, event.at(), due, null, List.of());
        rows.put(delivery.id(), delivery);
        return delivery;
    }

    private static Delivery with(Delivery d, DeliveryStatus status, int attemptCount, Instant next, Instant deliveredAt,
                                 List<DeliveryAttempt> attempts) {
        return new Delivery(d.id(), d.webhookId(), d.tenant(), d.eventId(), d.event(), d.body(), status, attemptCount,
                d.createdAt(), next, deliveredAt, attempts);
    }

    private static String body(WebhookEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id().toString());
        body.put("event", event.name());
        body.put("tenantId", event.tenant().toString());
        body.put("timestamp", event.at().truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("data", event.data());
        return TestJson.write(body);
    }
}
