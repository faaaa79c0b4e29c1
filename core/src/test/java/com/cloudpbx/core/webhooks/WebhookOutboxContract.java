package com.cloudpbx.core.webhooks;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.webhooks.WebhookSamples.event;
import static com.cloudpbx.core.webhooks.WebhookSamples.webhook;
import static com.cloudpbx.core.webhooks.WebhookSamples.withActive;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookOutbox} does; each implementation's test extends this. */
public abstract class WebhookOutboxContract {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 50);

    private WebhookOutbox outbox;
    private WebhookRepository webhooks;
    private TenantId acme;

    /** An outbox over a store with no webhooks or deliveries in it; called before every test. */
    protected abstract WebhookOutbox newOutbox();

    /** The webhooks of the same store as the last {@link #newOutbox()}. */
    protected abstract WebhookRepository webhooks();

    /** A tenant that exists in the outbox's store. */
    protected abstract TenantId newTenant(String companyName);

    @BeforeEach
    void startEmpty() {
        outbox = newOutbox();
        webhooks = webhooks();
        acme = newTenant("Acme");
    }

    @Test
    void appendStoresOnePendingDeliveryPerSubscribedActiveWebhookOfTheTenant() {
        Webhook calls = stored(webhook(acme, "calls", "call.start", "call.end"));
        Webhook starts = stored(webhook(acme, "starts", "call.start"));
        WebhookEvent start = event(acme, "call.start", T0);

        assertThat(outbox.append(start)).isEqualTo(2);

        for (Webhook subscribed : List.of(calls, starts)) {
            Delivery delivery = only(subscribed);
            assertThat(delivery.webhookId()).isEqualTo(subscribed.id());
            assertThat(delivery.tenant()).isEqualTo(acme);
            assertThat(delivery.eventId()).isEqualTo(start.id());
            assertThat(delivery.event()).isEqualTo("call.start");
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.attemptCount()).isZero();
            assertThat(delivery.createdAt()).isEqualTo(T0);
            assertThat(delivery.nextAttemptAt()).isEqualTo(T0);
            assertThat(delivery.deliveredAt()).isNull();
            assertThat(delivery.attempts()).isEmpty();
        }
        assertThat(only(calls).id()).isNotEqualTo(only(starts).id());
    }

    @Test
    void appendStoresNothingForUnsubscribedInactiveOrOtherTenantsWebhooks() {
        Webhook ends = stored(webhook(acme, "ends", "call.end"));
        Webhook paused = stored(withActive(webhook(acme, "paused", "call.start"), false));
        TenantId globex = newTenant("Globex");
        Webhook globexs = stored(webhook(globex, "globex", "call.start"));

        assertThat(outbox.append(event(acme, "call.start", T0))).isZero();

        for (Webhook none : List.of(ends, paused, globexs)) {
            assertThat(outbox.list(none.id(), DeliveryFilter.ALL, FIRST_PAGE).total()).isZero();
        }
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void aDeliveryIsDueAtOnceAfterItsAppend() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));

        List<DueDelivery> claimed = outbox.claim(10, Set.of(), T0, LEASE);

        assertThat(claimed).extracting(due -> due.delivery().id()).containsExactly(only(crm).id());
    }

    @Test
    void theBodyIsTheEventAsCompactJsonWithItsFieldsInOrder() {
        Webhook crm = stored(webhook(acme, "crm", "call.end"));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", 1);
        nested.put("alpha", 2.5);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("call_uuid", "c-1");
        data.put("caller_name", "Bob \"The\" Builder");
        data.put("duration", 42);
        data.put("recorded", true);
        data.put("hangup_cause", null);
        data.put("legs", List.of("a", "b"));
        data.put("extra", nested);
        UUID eventId = UUID.fromString("0b9f3f64-3c55-4c4f-9d6a-5c1f4fb0a2de");
        outbox.append(new WebhookEvent(eventId, "call.end", acme, Instant.parse("2026-06-01T14:03:22.987654Z"),
                data));

        assertThat(only(crm).body()).isEqualTo("{\"id\":\"0b9f3f64-3c55-4c4f-9d6a-5c1f4fb0a2de\","
                + "\"event\":\"call.end\",\"tenantId\":\"" + acme.value() + "\","
                + "\"timestamp\":\"2026-06-01T14:03:22Z\",\"data\":{\"call_uuid\":\"c-1\","
                + "\"caller_name\":\"Bob \\\"The\\\" Builder\",\"duration\":42,\"recorded\":true,"
                + "\"hangup_cause\":null,\"legs\":[\"a\",\"b\"],\"extra\":{\"zeta\":1,\"alpha\":2.5}}}");
    }

    @Test
    void appendClaimedStoresADeliveryToThatWebhookAloneAlreadyClaimed() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        Webhook other = stored(webhook(acme, "other", "webhook.test"));
        WebhookEvent test = event(acme, "webhook.test", T0);

        DueDelivery due = outbox.appendClaimed(crm, test, T0, LEASE);

        assertThat(due.webhook()).isEqualTo(crm);
        assertThat(due.delivery().webhookId()).isEqualTo(crm.id());
        assertThat(due.delivery().eventId()).isEqualTo(test.id());
        assertThat(due.delivery().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(due.delivery().nextAttemptAt()).isEqualTo(T0.plus(LEASE));
        assertThat(outbox.find(crm.id(), due.delivery().id())).contains(due.delivery());
        assertThat(outbox.list(other.id(), DeliveryFilter.ALL, FIRST_PAGE).total()).isZero();
    }

    @Test
    void aDeliveryAppendedClaimedIsNotClaimedBeforeItsLeaseEnds() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        DueDelivery due = outbox.appendClaimed(crm, event(acme, "webhook.test", T0), T0, LEASE);

        assertThat(outbox.claim(10, Set.of(), T0.plusSeconds(29), LEASE)).isEmpty();
        assertThat(outbox.claim(10, Set.of(), T0.plus(LEASE), LEASE)).extracting(d -> d.delivery().id())
                .containsExactly(due.delivery().id());
    }

    @Test
    void aClaimTakesOnlyDueDeliveries() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        outbox.append(event(acme, "call.start", T0.plusSeconds(60)));

        List<DueDelivery> claimed = outbox.claim(10, Set.of(), T0.plusSeconds(59), LEASE);

        assertThat(claimed).extracting(d -> d.delivery().createdAt()).containsExactly(T0);
        assertThat(claimed).extracting(DueDelivery::webhook).containsExactly(crm);
    }

    @Test
    void aClaimTakesAtMostMaxOldestDueFirst() {
        stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0.plusSeconds(2)));
        outbox.append(event(acme, "call.start", T0));
        outbox.append(event(acme, "call.start", T0.plusSeconds(1)));

        List<DueDelivery> claimed = outbox.claim(2, Set.of(), T0.plusSeconds(10), LEASE);

        assertThat(claimed).extracting(d -> d.delivery().createdAt()).containsExactly(T0, T0.plusSeconds(1));
    }

    @Test
    void aClaimedDeliveryIsDueAgainWhenItsLeaseEnds() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        Instant now = T0.plusSeconds(5);

        DueDelivery claimed = outbox.claim(10, Set.of(), now, LEASE).get(0);

        assertThat(claimed.delivery().nextAttemptAt()).isEqualTo(now.plus(LEASE));
        assertThat(outbox.find(crm.id(), claimed.delivery().id()).orElseThrow().nextAttemptAt())
                .isEqualTo(now.plus(LEASE));
    }

    @Test
    void aClaimedDeliveryIsNotClaimedAgainUntilItsLeaseEnds() {
        stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        UUID claimed = outbox.claim(10, Set.of(), T0, LEASE).get(0).delivery().id();

        assertThat(outbox.claim(10, Set.of(), T0.plusSeconds(29), LEASE)).isEmpty();
        assertThat(outbox.claim(10, Set.of(), T0.plus(LEASE), LEASE)).extracting(d -> d.delivery().id())
                .containsExactly(claimed);
    }

    @Test
    void aClaimLeavesOutTheExcludedWebhooks() {
        Webhook busy = stored(webhook(acme, "busy", "call.start"));
        Webhook idle = stored(webhook(acme, "idle", "call.start"));
        outbox.append(event(acme, "call.start", T0));

        List<DueDelivery> claimed = outbox.claim(10, Set.of(busy.id()), T0, LEASE);

        assertThat(claimed).extracting(DueDelivery::webhook).containsExactly(idle);
    }

    @Test
    void aClaimLeavesOutTheDeliveriesOfInactiveWebhooks() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        webhooks.disable(crm.id(), "paused by its owner", T0);

        assertThat(outbox.claim(10, Set.of(), T0.plusSeconds(1), LEASE)).isEmpty();
        assertThat(outbox.pendingCount()).isOne();
    }

    @Test
    void aClaimedDeliveryComesWithItsWebhookAsItStandsNow() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        webhooks.markFailing(crm.id(), T0);

        DueDelivery claimed = outbox.claim(10, Set.of(), T0, LEASE).get(0);

        assertThat(claimed.webhook()).isEqualTo(webhooks.findByIdInAnyTenant(crm.id()).orElseThrow());
        assertThat(claimed.webhook().failingSince()).isEqualTo(T0);
    }

    @Test
    void aReleasedDeliveryIsDueAtTheTimeGiven() {
        stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        UUID claimed = outbox.claim(10, Set.of(), T0, LEASE).get(0).delivery().id();

        outbox.release(List.of(claimed), T0.plusSeconds(1));

        assertThat(outbox.claim(10, Set.of(), T0, LEASE)).isEmpty();
        assertThat(outbox.claim(10, Set.of(), T0.plusSeconds(1), LEASE)).extracting(d -> d.delivery().id())
                .containsExactly(claimed);
    }

    @Test
    void aSuccessfulAttemptMakesTheDeliveryDelivered() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        UUID id = outbox.claim(10, Set.of(), T0, LEASE).get(0).delivery().id();
        DeliveryAttempt ok = new DeliveryAttempt(T0.plusSeconds(1), 204, 35, null, "");

        outbox.recordAttempt(id, ok, DeliveryStatus.DELIVERED, null);

        Delivery delivered = outbox.find(crm.id(), id).orElseThrow();
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.attemptCount()).isOne();
        assertThat(delivered.deliveredAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(delivered.nextAttemptAt()).isNull();
        assertThat(delivered.attempts()).containsExactly(ok);
        assertThat(outbox.claim(10, Set.of(), T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    }

    @Test
    void aFailedAttemptWithRetriesLeftMakesTheDeliveryDueAtItsNextAttempt() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        UUID id = outbox.claim(10, Set.of(), T0, LEASE).get(0).delivery().id();
        DeliveryAttempt refused = new DeliveryAttempt(T0, null, 5, "connection refused", null);
        Instant retryAt = T0.plusSeconds(60);

        outbox.recordAttempt(id, refused, DeliveryStatus.PENDING, retryAt);

        Delivery pending = outbox.find(crm.id(), id).orElseThrow();
        assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(pending.attemptCount()).isOne();
        assertThat(pending.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(pending.attempts()).containsExactly(refused);
        assertThat(outbox.claim(10, Set.of(), retryAt.minusSeconds(1), LEASE)).isEmpty();
        assertThat(outbox.claim(10, Set.of(), retryAt, LEASE)).extracting(d -> d.delivery().attemptCount())
                .containsExactly(1);
    }

    @Test
    void aFailedAttemptWithoutRetriesLeftMakesTheDeliveryFailed() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        UUID id = outbox.claim(10, Set.of(), T0, LEASE).get(0).delivery().id();

        outbox.recordAttempt(id, new DeliveryAttempt(T0, 500, 80, "status 500", "oops"), DeliveryStatus.FAILED,
                null);

        Delivery failed = outbox.find(crm.id(), id).orElseThrow();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.deliveredAt()).isNull();
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void attemptsAreCountedAndListedOldestFirst() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        UUID id = only(crm).id();
        DeliveryAttempt first = new DeliveryAttempt(T0, 503, 10, "status 503", "busy");
        DeliveryAttempt second = new DeliveryAttempt(T0.plusSeconds(60), null, 10_000, "timed out", null);
        DeliveryAttempt third = new DeliveryAttempt(T0.plusSeconds(180), 200, 12, null, "ok");

        outbox.recordAttempt(id, first, DeliveryStatus.PENDING, T0.plusSeconds(60));
        outbox.recordAttempt(id, second, DeliveryStatus.PENDING, T0.plusSeconds(180));
        outbox.recordAttempt(id, third, DeliveryStatus.DELIVERED, null);

        Delivery delivery = outbox.find(crm.id(), id).orElseThrow();
        assertThat(delivery.attemptCount()).isEqualTo(3);
        assertThat(delivery.attempts()).containsExactly(first, second, third);
    }

    @Test
    void aListIsTheWebhooksDeliveriesNewestFirstWithTheirAttempts() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        Webhook other = stored(webhook(acme, "other", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        outbox.append(event(acme, "call.start", T0.plusSeconds(1)));
        Delivery older = at(crm, T0);
        DeliveryAttempt attempt = new DeliveryAttempt(T0.plusSeconds(2), 200, 9, null, "ok");
        outbox.recordAttempt(older.id(), attempt, DeliveryStatus.DELIVERED, null);

        Page<Delivery> page = outbox.list(crm.id(), DeliveryFilter.ALL, FIRST_PAGE);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Delivery::createdAt).containsExactly(T0.plusSeconds(1), T0);
        assertThat(page.items()).extracting(Delivery::webhookId).containsOnly(crm.id());
        assertThat(page.items().get(0).attempts()).isEmpty();
        assertThat(page.items().get(1).attempts()).containsExactly(attempt);
        assertThat(outbox.list(other.id(), DeliveryFilter.ALL, FIRST_PAGE).total()).isEqualTo(2);
    }

    @Test
    void aListShowsOnlyTheDeliveriesOfTheStatusAsked() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        outbox.append(event(acme, "call.start", T0.plusSeconds(1)));
        Delivery delivered = at(crm, T0);
        outbox.recordAttempt(delivered.id(), new DeliveryAttempt(T0, 200, 9, null, null), DeliveryStatus.DELIVERED,
                null);

        Page<Delivery> page = outbox.list(crm.id(),
                new DeliveryFilter(Optional.of(DeliveryStatus.DELIVERED), Optional.empty()), FIRST_PAGE);

        assertThat(page.items()).extracting(Delivery::id).containsExactly(delivered.id());
        assertThat(page.total()).isOne();
    }

    @Test
    void aListShowsOnlyTheDeliveriesOfTheEventAsked() {
        Webhook crm = stored(webhook(acme, "crm", "call.start", "call.end"));
        outbox.append(event(acme, "call.start", T0));
        outbox.append(event(acme, "call.end", T0.plusSeconds(1)));

        Page<Delivery> page = outbox.list(crm.id(),
                new DeliveryFilter(Optional.empty(), Optional.of("call.end")), FIRST_PAGE);

        assertThat(page.items()).extracting(Delivery::event).containsExactly("call.end");
        assertThat(page.total()).isOne();
    }

    @Test
    void aListIsPagedWithTheTotalOfEveryPage() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        for (int i = 0; i < 5; i++) {
            outbox.append(event(acme, "call.start", T0.plusSeconds(i)));
        }

        Page<Delivery> second = outbox.list(crm.id(), DeliveryFilter.ALL, new PageRequest(2, 2));
        Page<Delivery> beyond = outbox.list(crm.id(), DeliveryFilter.ALL, new PageRequest(4, 2));

        assertThat(second.items()).extracting(Delivery::createdAt)
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(1));
        assertThat(second.total()).isEqualTo(5);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void findAnswersOnlyTheWebhooksOwnDelivery() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        Webhook other = stored(webhook(acme, "other", "call.end"));
        outbox.append(event(acme, "call.start", T0));
        UUID id = only(crm).id();

        assertThat(outbox.find(other.id(), id)).isEmpty();
        assertThat(outbox.find(crm.id(), UUID.randomUUID())).isEmpty();
    }

    @Test
    void aRequeuedDeliveryIsPendingAndDueAgainWithItsIdBodyAndAttempts() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        Delivery original = only(crm);
        DeliveryAttempt gone = new DeliveryAttempt(T0, 500, 20, "status 500", null);
        outbox.recordAttempt(original.id(), gone, DeliveryStatus.FAILED, null);
        Instant now = T0.plusSeconds(3600);

        assertThat(outbox.requeue(crm.id(), original.id(), now)).isTrue();

        Delivery requeued = outbox.find(crm.id(), original.id()).orElseThrow();
        assertThat(requeued.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(requeued.nextAttemptAt()).isEqualTo(now);
        assertThat(requeued.body()).isEqualTo(original.body());
        assertThat(requeued.attempts()).containsExactly(gone);
        assertThat(outbox.claim(10, Set.of(), now, LEASE)).extracting(d -> d.delivery().id())
                .containsExactly(original.id());
    }

    @Test
    void requeueingAnotherWebhooksDeliveryReportsFalse() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        Webhook other = stored(webhook(acme, "other", "call.end"));
        outbox.append(event(acme, "call.start", T0));
        Delivery delivery = only(crm);
        outbox.recordAttempt(delivery.id(), new DeliveryAttempt(T0, 500, 20, null, null), DeliveryStatus.FAILED, null);

        assertThat(outbox.requeue(other.id(), delivery.id(), T0)).isFalse();
        assertThat(outbox.requeue(crm.id(), UUID.randomUUID(), T0)).isFalse();

        assertThat(outbox.find(crm.id(), delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void purgeFinishedDeletesOnlyDeliveredOrFailedOnesCreatedBeforeTheTime() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        for (int i = 0; i < 4; i++) {
            outbox.append(event(acme, "call.start", T0.plusSeconds(i)));
        }
        Delivery oldDelivered = at(crm, T0);
        Delivery oldFailed = at(crm, T0.plusSeconds(1));
        Delivery oldPending = at(crm, T0.plusSeconds(2));
        Delivery newDelivered = at(crm, T0.plusSeconds(3));
        finish(oldDelivered, DeliveryStatus.DELIVERED);
        finish(oldFailed, DeliveryStatus.FAILED);
        finish(newDelivered, DeliveryStatus.DELIVERED);

        assertThat(outbox.purgeFinished(T0.plusSeconds(3), 100)).isEqualTo(2);

        assertThat(outbox.list(crm.id(), DeliveryFilter.ALL, FIRST_PAGE).items()).extracting(Delivery::id)
                .containsExactly(newDelivered.id(), oldPending.id());
    }

    @Test
    void purgeFinishedDeletesAtMostMax() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        for (int i = 0; i < 3; i++) {
            outbox.append(event(acme, "call.start", T0.plusSeconds(i)));
        }
        outbox.list(crm.id(), DeliveryFilter.ALL, FIRST_PAGE).items()
                .forEach(d -> finish(d, DeliveryStatus.DELIVERED));

        assertThat(outbox.purgeFinished(T0.plusSeconds(10), 2)).isEqualTo(2);

        assertThat(outbox.list(crm.id(), DeliveryFilter.ALL, FIRST_PAGE).total()).isOne();
    }

    @Test
    void pendingCountCountsPendingDeliveriesDueOrNot() {
        Webhook crm = stored(webhook(acme, "crm", "call.start"));
        outbox.append(event(acme, "call.start", T0));
        outbox.append(event(acme, "call.start", T0.plusSeconds(1)));
        outbox.append(event(acme, "call.start", T0.plusSeconds(2)));
        finish(at(crm, T0), DeliveryStatus.DELIVERED);
        outbox.claim(1, Set.of(), T0.plusSeconds(1), LEASE);

        assertThat(outbox.pendingCount()).isEqualTo(2);
    }

    private Webhook stored(Webhook webhook) {
        webhooks.insert(webhook);
        return webhook;
    }

    /** The webhook's one delivery. */
    private Delivery only(Webhook webhook) {
        List<Delivery> deliveries = outbox.list(webhook.id(), DeliveryFilter.ALL, FIRST_PAGE).items();
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    /** The webhook's delivery of the event raised at that time. */
    private Delivery at(Webhook webhook, Instant createdAt) {
        return outbox.list(webhook.id(), DeliveryFilter.ALL, FIRST_PAGE).items().stream()
                .filter(d -> d.createdAt().equals(createdAt)).findFirst().orElseThrow();
    }

    private void finish(Delivery delivery, DeliveryStatus status) {
        int statusCode = status == DeliveryStatus.DELIVERED ? 200 : 500;
        outbox.recordAttempt(delivery.id(), new DeliveryAttempt(delivery.createdAt(), statusCode, 1, null, null),
                status, null);
    }
}
