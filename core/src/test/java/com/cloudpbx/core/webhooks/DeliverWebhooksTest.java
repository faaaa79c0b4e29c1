package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.MapBoundedCaches;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.testing.MovableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class DeliverWebhooksTest {

    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final SecretCipher CIPHER = new SecretCipher() {
        @Override
        public String encrypt(String plaintext) {
            return "enc(" + plaintext + ")";
        }

        @Override
        public String decrypt(String ciphertext) {
            return ciphertext.substring(4, ciphertext.length() - 1);
        }
    };

    private final MovableClock clock = new MovableClock(T0);
    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final MapWebhookRepository webhooks = new MapWebhookRepository();
    private final MapWebhookOutbox outbox = new MapWebhookOutbox(webhooks);
    private final List<OutgoingDelivery> sent = new ArrayList<>();
    private final Deque<AttemptResult> answers = new ArrayDeque<>();
    private final List<Runnable> held = new ArrayList<>();
    private Executor executor = Runnable::run;

    @Test
    void aTwoHundredMarksTheDeliveryDelivered() {
        Webhook webhook = webhook(5, 60);
        raise("call.start");

        deliverer().deliverDue();

        Delivery delivery = only();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).singleElement().satisfies(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(sent).singleElement().satisfies(s -> assertThat(s.target()).isEqualTo(webhook.target()));
    }

    @Test
    void aFailedAttemptIsDueAgainAfterTheRetryDelay() {
        webhook(5, 60);
        raise("call.start");
        answers.add(status(500));

        deliverer().deliverDue();

        assertThat(only().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(only().nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void eachRetryWaitsFourTimesTheOneBefore() {
        webhook(5, 60);
        raise("call.start");
        var deliver = deliverer();
        answers.add(status(500));
        answers.add(status(500));
        deliver.deliverDue();
        clock.advance(Duration.ofSeconds(60));

        deliver.deliverDue();

        assertThat(only().nextAttemptAt()).isEqualTo(T0.plusSeconds(60 + 240));
    }

    @Test
    void aDeliveryIsNotAttemptedBeforeItIsDue() {
        webhook(5, 60);
        raise("call.start");
        var deliver = deliverer();
        answers.add(status(500));
        deliver.deliverDue();
        clock.advance(Duration.ofSeconds(59));

        deliver.deliverDue();

        assertThat(sent).hasSize(1);
    }

    @Test
    void theLastRetryFailingFailsTheDeliveryForGood() {
        webhook(1, 60);
        raise("call.start");
        var deliver = deliverer();
        answers.add(status(503));
        answers.add(status(503));
        deliver.deliverDue();
        clock.advance(Duration.ofSeconds(60));

        deliver.deliverDue();

        assertThat(only().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(only().attempts()).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanTheWaitIsHonoured() {
        webhook(5, 60);
        raise("call.start");
        answers.add(new AttemptResult(429, Duration.ofMillis(5), null, "slow down", Duration.ofMinutes(10)));

        deliverer().deliverDue();

        assertThat(only().nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aGoneReceiverDisablesTheWebhookAndFailsTheDelivery() {
        Webhook webhook = webhook(5, 60);
        raise("call.start");
        answers.add(status(410));

        deliverer().deliverDue();

        assertThat(only().status()).isEqualTo(DeliveryStatus.FAILED);
        Webhook now = webhooks.findByIdInAnyTenant(webhook.id()).orElseThrow();
        assertThat(now.active()).isFalse();
        assertThat(now.disabledReason()).contains("410");
    }

    @Test
    void aWebhookFailingEveryDeliveryForThreeDaysIsDisabledWithTheReason() {
        Webhook webhook = webhook(20, 3600);
        raise("call.start");
        var deliver = deliverer();
        answers.add(AttemptResult.noResponse("connection refused", Duration.ofMillis(2)));
        deliver.deliverDue();
        clock.set(T0.plus(Duration.ofHours(72)));
        raise("call.end");
        answers.add(AttemptResult.noResponse("connection refused", Duration.ofMillis(2)));

        deliver.deliverDue();

        Webhook now = webhooks.findByIdInAnyTenant(webhook.id()).orElseThrow();
        assertThat(now.active()).isFalse();
        assertThat(now.disabledReason()).contains("failed since " + T0).contains("connection refused");
    }

    @Test
    void aDeliveredAttemptEndsTheFailingStreak() {
        Webhook webhook = webhook(5, 60);
        raise("call.start");
        var deliver = deliverer();
        answers.add(status(500));
        deliver.deliverDue();
        clock.advance(Duration.ofSeconds(60));

        deliver.deliverDue();

        assertThat(webhooks.findByIdInAnyTenant(webhook.id()).orElseThrow().failingSince()).isNull();
    }

    @Test
    void everyAttemptCarriesTheSameEventIdAndBody() {
        webhook(5, 60);
        raise("call.start");
        var deliver = deliverer();
        answers.add(status(500));
        deliver.deliverDue();
        clock.advance(Duration.ofSeconds(60));

        deliver.deliverDue();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).headers().get("X-Webhook-Id")).isEqualTo(sent.get(0).headers().get("X-Webhook-Id"));
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        assertThat(sent.get(1).headers().get("X-Webhook-Timestamp"))
                .isEqualTo(Long.toString(T0.plusSeconds(60).getEpochSecond()));
    }

    @Test
    void duringARotationBothSecretsSignEveryDelivery() {
        Webhook webhook = webhook(5, 60);
        webhooks.update(new Webhook(webhook.id(), tenant, webhook.name(), webhook.target(), webhook.events(), true,
                webhook.headers(), 5, 60, CIPHER.encrypt("whsec_" + "A".repeat(43) + "="), webhook.secretEncrypted(),
                T0.plus(Duration.ofHours(24)), null, null, null, T0, T0));
        raise("call.start");

        deliverer().deliverDue();

        assertThat(sent.get(0).headers().get("webhook-signature").split(" ")).hasSize(2);
        assertThat(sent.get(0).headers().get("X-Webhook-Signature").split(",")).hasSize(2);
    }

    @Test
    void aWebhookAtItsShareOfAttemptsWaitsWhileAnotherWebhooksDeliveryStarts() {
        executor = held::add;
        Webhook slow = webhook(5, 60);
        raise("call.start");
        raise("call.answer");
        raise("call.end");
        Webhook other = webhookOf(TenantId.of(UUID.randomUUID()), "other");
        outbox.append(new WebhookEvent(UUID.randomUUID(), "call.start", other.tenant(), T0, Map.of()));

        int taken = deliverer().deliverDue();

        assertThat(taken).isEqualTo(4);
        assertThat(held).hasSize(3);
        held.forEach(Runnable::run);
        assertThat(sent).extracting(OutgoingDelivery::target).containsOnly(slow.target(), other.target()).hasSize(4);
    }

    @Test
    void aSlotThatFreesTakesTheWebhooksNextWaitingDelivery() {
        executor = held::add;
        webhook(5, 60);
        raise("call.start");
        raise("call.answer");
        raise("call.end");
        deliverer().deliverDue();

        held.get(0).run();

        assertThat(sent).hasSize(2);
        assertThat(outbox.all()).filteredOn(d -> d.status() == DeliveryStatus.DELIVERED).hasSize(2);
    }

    @Test
    void aWaitingDeliveryWhoseClaimWouldEndDuringItsAttemptGoesBackToTheOutbox() {
        executor = held::add;
        webhook(5, 60);
        raise("call.start");
        raise("call.answer");
        raise("call.end");
        deliverer().deliverDue();
        clock.advance(Duration.ofSeconds(71));

        held.forEach(Runnable::run);

        assertThat(sent).hasSize(2);
        assertThat(outbox.all()).filteredOn(d -> d.status() == DeliveryStatus.PENDING).singleElement()
                .satisfies(d -> assertThat(d.nextAttemptAt()).isEqualTo(clock.instant()));
    }

    private DeliverWebhooks deliverer() {
        var subscriptions = new WebhookSubscriptions(webhooks, new MapBoundedCaches(clock));
        return new DeliverWebhooks(outbox, webhooks, delivery -> {
            sent.add(delivery);
            AttemptResult answer = answers.poll();
            return answer == null ? status(200) : answer;
        }, CIPHER, new DeliveryHeaders(new WebhookSigner()), new RetrySchedule(Duration.ofHours(12), () -> 0.5),
                subscriptions, new DeliveryDemand(), new DeliveryLimits(10, 2, Duration.ofSeconds(20),
                Duration.ofSeconds(90), Duration.ofHours(72)), task -> executor.execute(task), clock);
    }

    private Webhook webhook(int maxRetries, int retryDelaySeconds) {
        var webhook = new Webhook(UUID.randomUUID(), tenant, "CRM", new WebhookTarget(URI.create("https://crm.example.com/hook")),
                Set.copyOf(WebhookEventNames.SUPPORTED), true, CustomHeaders.NONE, maxRetries, retryDelaySeconds,
                CIPHER.encrypt(SECRET), null, null, null, null, null, T0, T0);
        webhooks.insert(webhook);
        return webhook;
    }

    private Webhook webhookOf(TenantId owner, String host) {
        var webhook = new Webhook(UUID.randomUUID(), owner, "CRM", new WebhookTarget(URI.create("https://" + host + ".example.com/")),
                Set.of("call.start"), true, CustomHeaders.NONE, 5, 60, CIPHER.encrypt(SECRET), null, null, null, null,
                null, T0, T0);
        webhooks.insert(webhook);
        return webhook;
    }

    private void raise(String event) {
        outbox.append(new WebhookEvent(UUID.randomUUID(), event, tenant, clock.instant(), Map.of("uuid", "leg")));
    }

    private Delivery only() {
        assertThat(outbox.all()).hasSize(1);
        return outbox.all().get(0);
    }

    private static AttemptResult status(int code) {
        return new AttemptResult(code, Duration.ofMillis(3), null, "body", null);
    }
}
