package com.cloudpbx.storage.postgres.webhooks;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.webhooks.CustomHeaders;
import com.cloudpbx.core.webhooks.DeliveryAttempt;
import com.cloudpbx.core.webhooks.DeliveryStatus;
import com.cloudpbx.core.webhooks.DueDelivery;
import com.cloudpbx.core.webhooks.Webhook;
import com.cloudpbx.core.webhooks.WebhookEvent;
import com.cloudpbx.core.webhooks.WebhookOutboxContract;
import com.cloudpbx.core.webhooks.WebhookTarget;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcWebhookOutboxTest extends WebhookOutboxContract {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected WebhookOutbox newOutbox() {
        return storage.emptied().bean(WebhookOutbox.class);
    }

    @Override
    protected WebhookRepository webhooks() {
        return storage.bean(WebhookRepository.class);
    }

    @Override
    protected TenantId newTenant(String companyName) {
        Tenant tenant = tenant(companyName);
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }

    @Test
    void concurrentClaimersNeverTakeTheSameDeliveryAndTogetherTakeThemAll() throws Exception {
        TenantId acme = newTenant("Acme");
        for (int i = 0; i < 5; i++) {
            storedWebhook(acme, "crm-" + i);
        }
        storage.execute("""
                INSERT INTO webhook_deliveries (id, webhook_id, tenant_id, event_id, event, body, status, created_at,
                                                next_attempt_at)
                SELECT gen_random_uuid(), w.id, w.tenant_id, gen_random_uuid(), 'call.start', '{}', 'pending',
                       timestamptz '2026-03-01' + i * interval '1 millisecond',
                       timestamptz '2026-03-01' + i * interval '1 millisecond'
                FROM webhooks w, generate_series(1, 400) AS i""");
        WebhookOutbox outbox = storage.bean(WebhookOutbox.class);
        int claimers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Future<List<UUID>>> taken = new ArrayList<>();
            for (int c = 0; c < claimers; c++) {
                taken.add(pool.submit(() -> {
                    start.await();
                    List<UUID> mine = new ArrayList<>();
                    List<DueDelivery> batch;
                    do {
                        batch = outbox.claim(25, Set.of(), T0, LEASE);
                        batch.forEach(due -> mine.add(due.delivery().id()));
                    } while (!batch.isEmpty());
                    return mine;
                }));
            }
            start.countDown();
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> claimer : taken) {
                all.addAll(claimer.get());
            }

            assertThat(all).hasSize(2_000).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void attemptsRecordedAtOnceByManyThreadsAreEachStoredWithTheirDelivery() throws Exception {
        TenantId acme = newTenant("Acme");
        storedWebhook(acme, "crm");
        WebhookOutbox outbox = storage.bean(WebhookOutbox.class);
        for (int i = 0; i < 300; i++) {
            outbox.append(event(acme));
        }
        List<DueDelivery> claimed = outbox.claim(300, Set.of(), T0.plusSeconds(1), LEASE);
        int threads = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> recorded = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                recorded.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < claimed.size(); i += threads) {
                        outbox.recordAttempt(claimed.get(i).delivery().id(),
                                new DeliveryAttempt(T0.plusSeconds(2), 200, 3, null, "ok " + i),
                                DeliveryStatus.DELIVERED, null);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : recorded) {
                thread.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(claimed).hasSize(300);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(claimed).allSatisfy(due -> assertThat(outbox.find(due.webhook().id(), due.delivery().id()))
                .hasValueSatisfying(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
                    assertThat(d.attempts()).singleElement().satisfies(a -> assertThat(a.statusCode()).isEqualTo(200));
                }));
    }

    @Test
    void anAppendInATransactionThatFailsStoresNothing() {
        TenantId acme = newTenant("Acme");
        storedWebhook(acme, "crm");
        WebhookOutbox outbox = storage.bean(WebhookOutbox.class);
        var boom = new IllegalStateException("the change that raised the event failed");

        assertThatThrownBy(() -> storage.bean(Transactions.class).run(() -> {
            assertThat(outbox.append(event(acme))).isOne();
            throw boom;
        })).isSameAs(boom);

        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void anAppendInATransactionThatCommitsIsStored() {
        TenantId acme = newTenant("Acme");
        storedWebhook(acme, "crm");
        WebhookOutbox outbox = storage.bean(WebhookOutbox.class);

        storage.bean(Transactions.class).run(() -> outbox.append(event(acme)));

        assertThat(outbox.pendingCount()).isOne();
    }

    @Test
    void anAttemptWhoseResponseHoldsANulCharacterIsRecorded() {
        TenantId acme = newTenant("Acme");
        Webhook crm = storedWebhook(acme, "crm");
        WebhookOutbox outbox = storage.bean(WebhookOutbox.class);
        outbox.append(event(acme));
        UUID id = outbox.claim(1, Set.of(), T0, LEASE).get(0).delivery().id();
        var attempt = new DeliveryAttempt(T0, 500, 3, "status 500", "bad\u0000body");

        outbox.recordAttempt(id, attempt, DeliveryStatus.FAILED, null);

        assertThat(outbox.find(crm.id(), id).orElseThrow().attempts()).extracting(DeliveryAttempt::responseExcerpt)
                .containsExactly("bad\uFFFDbody");
    }

    private Webhook storedWebhook(TenantId tenant, String name) {
        Webhook webhook = new Webhook(UUID.randomUUID(), tenant, name,
                new WebhookTarget(URI.create("https://hooks.example.com/" + name)), Set.of("call.start"), true,
                CustomHeaders.NONE, 5, 60, "v1:secret", null, null, null, null, null, T0, T0);
        storage.bean(WebhookRepository.class).insert(webhook);
        return webhook;
    }

    private static WebhookEvent event(TenantId tenant) {
        return new WebhookEvent(UUID.randomUUID(), "call.start", tenant, T0, Map.of("call_uuid", "c-1"));
    }
}
