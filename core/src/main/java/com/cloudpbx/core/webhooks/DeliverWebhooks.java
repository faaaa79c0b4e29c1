package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import com.cloudpbx.core.webhooks.port.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Delivers what the outbox holds: claims due deliveries up to this node's room, posts each on the
 * executor, and records what came of it — delivered on a 2xx; on a 410 failed for good with the
 * webhook disabled; otherwise tried again as {@link RetrySchedule} says, or failed once the retries
 * are spent. A webhook that has failed every delivery for longer than the limit is disabled, its
 * reason shown in the API.
 * <p>
 * At most {@code perWebhook} attempts run at once for one webhook; up to as many claimed
 * deliveries of it wait behind them on this node, and a slot that frees takes the next one at once,
 * so that a busy receiver gets a steady stream without one claim per delivery. A waiting delivery is
 * attempted only while its claim still outlasts an attempt; otherwise it goes back to the outbox, so
 * no other node can be attempting it too.
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
    private final Object slots = new Object();
    /** Guarded by {@code slots}: each webhook's attempts under way and deliveries waiting on this node. */
    private final Map<UUID, Share> shares = new HashMap<>();
    private int running;
    private int waiting;
    /** Only the delivery loop's thread reads and writes it. */
    private int claimSize = MAX_CLAIM;

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

    /** Claims what is due and this node has room for, and starts posting it; the number taken. */
    public int deliverDue() {
        int room;
        Set<UUID> full = new HashSet<>();
        synchronized (slots) {
            room = limits.maxInFlight() - running - waiting;
            shares.forEach((id, share) -> {
                if (share.held() >= 2 * limits.perWebhook()) {
                    full.add(id);
                }
            });
        }
        if (room <= 0) {
            return 0;
        }
        Instant now = clock.instant();
        int limit = Math.min(room, claimSize);
        List<DueDelivery> claimed = outbox.claim(limit, full, now, limits.lease());
        List<DueDelivery> start = new ArrayList<>();
        List<UUID> back = new ArrayList<>();
        synchronized (slots) {
            for (DueDelivery due : claimed) {
                Share share = shares.computeIfAbsent(due.webhook().id(), id -> new Share());
                if (share.running < limits.perWebhook()) {
                    share.running++;
                    running++;
                    start.add(due);
                } else if (share.waiting.size() < limits.perWebhook()) {
                    share.waiting.addLast(due);
                    waiting++;
                } else {
                    back.add(due.delivery().id());
                }
            }
        }
        // Over this webhook's share: back to the queue, for when its receiver keeps up.
        outbox.release(back, now);
        claimSize = nextClaimSize(limit, claimed.size(), back.size());
        for (DueDelivery due : start) {
            try {
                executor.execute(() -> attemptInSlot(due));
            } catch (RuntimeException e) {
                abandon(due);
                throw e;
            }
        }
        return claimed.size() - back.size();
    }

    /**
     * Claims stay about as large as what was taken last: a backlog of one busy webhook would
     * otherwise be claimed by the hundred and mostly handed back, two writes for nothing per row.
     */
    private int nextClaimSize(int limit, int claimed, int handedBack) {
        if (handedBack > 0) {
            return Math.max(limits.perWebhook(), claimed - handedBack);
        }
        return claimed == limit ? Math.min(MAX_CLAIM, Math.max(claimSize, limit) * 2) : claimSize;
    }

    /** Attempts a delivery the caller claimed, on the caller's thread; the attempt made. */
    public DeliveryAttempt deliverNow(DueDelivery due) {
        return attempt(due);
    }

    /** Attempts under way on this node. */
    public int inFlight() {
        synchronized (slots) {
            return running;
        }
    }

    /** Attempts the delivery, then, in the same slot, the webhook's next waiting one, until none waits. */
    private void attemptInSlot(DueDelivery first) {
        DueDelivery due = first;
        while (due != null) {
            try {
                attempt(due);
            } catch (RuntimeException e) {
                // The claim's lease ends and the delivery is due again: nothing is lost.
                LOG.log(System.Logger.Level.WARNING, "Could not record the attempt of delivery "
                        + due.delivery().id() + "; it is due again when its claim ends", e);
            }
            due = nextOrFree(due.webhook().id());
        }
    }

    /** The webhook's next waiting delivery still claimed long enough, or null with the slot given up. */
    private DueDelivery nextOrFree(UUID webhook) {
        List<UUID> expired = new ArrayList<>();
        DueDelivery next = null;
        boolean refill;
        synchronized (slots) {
            Share share = shares.get(webhook);
            Instant latestStart = clock.instant().plus(limits.attemptBudget());
            while (next == null && !share.waiting.isEmpty()) {
                DueDelivery candidate = share.waiting.pollFirst();
                waiting--;
                if (candidate.delivery().nextAttemptAt().isAfter(latestStart)) {
                    next = candidate;
                } else {
                    expired.add(candidate.delivery().id());
                }
            }
            if (next == null) {
                share.running--;
                running--;
                if (share.held() == 0) {
                    shares.remove(webhook);
                }
            }
            refill = share.waiting.size() < limits.perWebhook() / 2;
        }
        if (!expired.isEmpty()) {
            outbox.release(expired, clock.instant());
        }
        if (refill) {
            demand.signal();
        }
        return next;
    }

    private void abandon(DueDelivery due) {
        synchronized (slots) {
            Share share = shares.get(due.webhook().id());
            share.running--;
            running--;
            if (share.held() == 0) {
                shares.remove(due.webhook().id());
            }
        }
        outbox.release(List.of(due.delivery().id()), clock.instant());
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

    /** One webhook's attempts under way on this node, and its claimed deliveries waiting for a slot. */
    private static final class Share {

        private int running;
        private final Deque<DueDelivery> waiting = new ArrayDeque<>();

        int held() {
            return running + waiting.size();
        }
    }
}
