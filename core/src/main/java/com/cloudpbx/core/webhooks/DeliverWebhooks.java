package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import com.cloudpbx.core.webhooks.port.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers what the outbox holds: claims due deliveries up to this node's free slots, posts each
 * on the executor, and records what came of it — delivered on a 2xx; on a 410 failed for good with
 * the webhook disabled; otherwise tried again as {@link RetrySchedule} says, or failed once the
 * retries are spent. A webhook that has failed every delivery for longer than the limit is
 * disabled, its reason shown in the API.
 */
public final class DeliverWebhooks {

    private static final System.Logger LOG = System.getLogger(DeliverWebhooks.class.getName());
    private static final int MAX_CLAIM = 200;

    private final WebhookOutbox outbox;
    private final WebhookRepository webhooks;
    private final WebhookSender sender;
    private final SecretCipher cipher;
    private final DeliveryHeaders headers;
    private final RetrySchedule retries;
    private final WebhookSubscriptions subscriptions;
    private final DeliveryDemand demand;
    private final DeliveryLimits limits;
    private final Executor executor;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, AtomicInteger> perWebhook = new ConcurrentHashMap<>();

    public DeliverWebhooks(WebhookOutbox outbox, WebhookRepository webhooks, WebhookSender sender,
                           SecretCipher cipher, DeliveryHeaders headers, RetrySchedule retries,
                           WebhookSubscriptions subscriptions, DeliveryDemand demand, DeliveryLimits limits,
                           Executor executor, Clock clock) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.sender = sender;
        this.cipher = cipher;
        this.headers = headers;
        this.retries = retries;
        this.subscriptions = subscriptions;
        this.demand = demand;
        this.limits = limits;
        this.executor = executor;
        this.clock = clock;
    }

    /** Claims what is due and this node has slots for, and starts posting it; the number started. */
    public int deliverDue() {
        int free = limits.maxInFlight() - inFlight.get();
        if (free <= 0) {
            return 0;
        }
        Instant now = clock.instant();
        Set<UUID> saturated = saturated();
        List<DueDelivery> claimed = outbox.claim(Math.min(free, MAX_CLAIM), saturated, now, limits.lease());
        int started = 0;
        for (DueDelivery due : claimed) {
            if (!takeSlot(due.webhook().id())) {
                // Over this webhook's share: back to the queue, for when its receiver keeps up.
                outbox.release(due.delivery().id(), now);
                continue;
            }
            started++;
            try {
                executor.execute(() -> attemptInSlot(due));
            } catch (RuntimeException e) {
                freeSlot(due.webhook().id());
                outbox.release(due.delivery().id(), now);
                throw e;
            }
        }
        return started;
    }

    /** Attempts a delivery the caller claimed, on the caller's thread; the attempt made. */
    public DeliveryAttempt deliverNow(DueDelivery due) {
        return attempt(due);
    }

    public int inFlight() {
        return inFlight.get();
    }

    private Set<UUID> saturated() {
        Set<UUID> full = new HashSet<>();
        perWebhook.forEach((id, count) -> {
            if (count.get() >= limits.perWebhook()) {
                full.add(id);
            }
        });
        return full;
    }

    private boolean takeSlot(UUID webhook) {
        AtomicInteger count = perWebhook.computeIfAbsent(webhook, id -> new AtomicInteger());
        if (count.incrementAndGet() > limits.perWebhook()) {
            count.decrementAndGet();
            return false;
        }
        inFlight.incrementAndGet();
        return true;
    }

    private void freeSlot(UUID webhook) {
        perWebhook.computeIfPresent(webhook, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
        inFlight.decrementAndGet();
        demand.signal();
    }

    private void attemptInSlot(DueDelivery due) {
        try {
            attempt(due);
        } catch (RuntimeException e) {
            // The claim's lease ends and the delivery is due again: nothing is lost.
            LOG.log(System.Logger.Level.WARNING, "Could not record the attempt of delivery "
                    + due.delivery().id() + "; it is due again when its claim ends", e);
        } finally {
            freeSlot(due.webhook().id());
        }
    }

    private DeliveryAttempt attempt(DueDelivery due) {
        Webhook webhook = due.webhook();
        Delivery delivery = due.delivery();
        Instant startedAt = clock.instant();
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        var outgoing = new OutgoingDelivery(webhook.target(),
                headers.of(webhook, delivery, secrets(webhook, startedAt), startedAt.getEpochSecond(), body), body);
        AttemptResult result = sender.send(outgoing);
        var attempt = new DeliveryAttempt(startedAt, result.statusCode(), result.duration().toMillis(),
                result.error(), result.responseExcerpt());
        settle(due, attempt, result.retryAfter());
        return attempt;
    }

    private List<String> secrets(Webhook webhook, Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(cipher.decrypt(webhook.secretEncrypted()));
        if (webhook.previousSecretSigns(now)) {
            secrets.add(cipher.decrypt(webhook.previousSecretEncrypted()));
        }
        return secrets;
    }

    private void settle(DueDelivery due, DeliveryAttempt attempt, Duration retryAfter) {
        Webhook webhook = due.webhook();
        UUID id = due.delivery().id();
        Instant now = clock.instant();
        if (attempt.succeeded()) {
            outbox.recordAttempt(id, attempt, DeliveryStatus.DELIVERED, null);
            if (webhook.failingSince() != null) {
                webhooks.markHealthy(webhook.id());
            }
            return;
        }
        if (Integer.valueOf(410).equals(attempt.statusCode())) {
            outbox.recordAttempt(id, attempt, DeliveryStatus.FAILED, null);
            disable(webhook, "The receiver answered 410 Gone at " + now + ": it no longer takes these events", now);
            return;
        }
        Optional<Instant> next = retries.next(webhook, due.delivery().attemptCount() + 1, now, retryAfter);
        outbox.recordAttempt(id, attempt, next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
                next.orElse(null));
        Instant failingSince = webhooks.markFailing(webhook.id(), now);
        if (!failingSince.plus(limits.disableAfterFailing()).isAfter(now)) {
            disable(webhook, "Every delivery has failed since " + failingSince + " (the last: "
                    + describe(attempt) + ")", now);
        }
    }

    private void disable(Webhook webhook, String reason, Instant now) {
        if (webhooks.disable(webhook.id(), reason, now)) {
            subscriptions.changed(webhook.tenant());
            LOG.log(System.Logger.Level.WARNING, "Webhook " + webhook.id() + " of tenant " + webhook.tenant()
                    + " disabled: " + reason);
        }
    }

    private static String describe(DeliveryAttempt attempt) {
        return attempt.statusCode() != null ? "status " + attempt.statusCode() : attempt.error();
    }
}
