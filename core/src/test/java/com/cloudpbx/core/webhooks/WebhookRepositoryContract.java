package com.cloudpbx.core.webhooks;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.webhooks.WebhookSamples.event;
import static com.cloudpbx.core.webhooks.WebhookSamples.headers;
import static com.cloudpbx.core.webhooks.WebhookSamples.target;
import static com.cloudpbx.core.webhooks.WebhookSamples.webhook;
import static com.cloudpbx.core.webhooks.WebhookSamples.withActive;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookRepository} does; each implementation's test extends this. */
public abstract class WebhookRepositoryContract {

    private WebhookRepository webhooks;

    /** A repository over a store with no webhooks in it; called before every test. */
    protected abstract WebhookRepository newRepository();

    /** The outbox over the same store as the last {@link #newRepository()}, to see deliveries go with their webhook. */
    protected abstract WebhookOutbox outbox();

    /** A tenant that exists in the repository's store. */
    protected abstract TenantId newTenant(String companyName);

    @BeforeEach
    void startEmpty() {
        webhooks = newRepository();
    }

    @Test
    void anInsertedWebhookIsFoundByIdWithEveryField() {
        Webhook full = new Webhook(UUID.randomUUID(), newTenant("Acme"), "CRM sync",
                target("https://crm.example.com:8443/hooks?source=pbx"), Set.of("call.start", "call.end"), true,
                headers("X-Token", "abc", "X-Team", "ops"), 7, 120, "v1:current", "v1:previous",
                T0.plusSeconds(3600), T0.minusSeconds(600), "Every delivery has failed", T0.minusSeconds(60),
                T0.minusSeconds(86_400), T0);

        webhooks.insert(full);

        assertThat(webhooks.findById(full.tenant(), full.id())).contains(full);
    }

    @Test
    void aWebhookWithoutHeadersOrRotationComesBackAsStored() {
        Webhook plain = webhook(newTenant("Acme"), "plain", "call.start");

        webhooks.insert(plain);

        assertThat(webhooks.findById(plain.tenant(), plain.id())).contains(plain);
    }

    @Test
    void customHeadersComeBackInTheOrderGiven() {
        Webhook w = webhook(newTenant("Acme"), "ordered", "call.start");
        Webhook ordered = new Webhook(w.id(), w.tenant(), w.name(), w.target(), w.events(), true,
                headers("X-Zulu", "1", "X-Alpha", "2", "X-Mike", "3"), w.maxRetries(), w.retryDelaySeconds(),
                w.secretEncrypted(), null, null, null, null, null, w.createdAt(), w.updatedAt());

        webhooks.insert(ordered);

        assertThat(webhooks.findById(w.tenant(), w.id()).orElseThrow().headers().values().keySet())
                .containsExactly("X-Zulu", "X-Alpha", "X-Mike");
    }

    @Test
    void anotherTenantsWebhookIsNotFoundByIdButIsInAnyTenant() {
        Webhook acmes = webhook(newTenant("Acme"), "crm", "call.start");
        webhooks.insert(acmes);

        assertThat(webhooks.findById(newTenant("Globex"), acmes.id())).isEmpty();
        assertThat(webhooks.findByIdInAnyTenant(acmes.id())).contains(acmes);
    }

    @Test
    void aNameIsTakenWhateverItsCase() {
        TenantId acme = newTenant("Acme");
        webhooks.insert(webhook(acme, "CRM Sync", "call.start"));

        assertThat(webhooks.nameTaken(acme, "crm SYNC", null)).isTrue();
        assertThat(webhooks.nameTaken(acme, "billing", null)).isFalse();
    }

    @Test
    void aNameIsNotTakenByTheWebhookExcepted() {
        TenantId acme = newTenant("Acme");
        Webhook crm = webhook(acme, "CRM Sync", "call.start");
        webhooks.insert(crm);

        assertThat(webhooks.nameTaken(acme, "crm sync", crm.id())).isFalse();
        assertThat(webhooks.nameTaken(acme, "crm sync", UUID.randomUUID())).isTrue();
    }

    @Test
    void aNameIsTakenOnlyInItsOwnTenant() {
        webhooks.insert(webhook(newTenant("Acme"), "CRM Sync", "call.start"));

        assertThat(webhooks.nameTaken(newTenant("Globex"), "CRM Sync", null)).isFalse();
    }

    @Test
    void anUpdateWritesEveryFieldButIdTenantAndCreationTime() {
        TenantId acme = newTenant("Acme");
        Webhook before = webhook(acme, "crm", "call.start");
        webhooks.insert(before);
        Webhook after = new Webhook(before.id(), acme, "CRM v2", target("http://crm.example.com:8080/v2"),
                Set.of("call.end", "voicemail.new"), false, headers("X-Token", "new"), 0, 3600, "v1:rotated",
                "v1:old", T0.plusSeconds(86_400), T0.plusSeconds(5), "Receiver answered 410",
                T0.plusSeconds(6), T0.plusSeconds(999), T0.plusSeconds(7));

        assertThat(webhooks.update(after)).isTrue();

        Webhook expected = new Webhook(after.id(), acme, after.name(), after.target(), after.events(), false,
                after.headers(), 0, 3600, "v1:rotated", "v1:old", after.previousSecretUntil(), after.failingSince(),
                after.disabledReason(), after.disabledAt(), before.createdAt(), after.updatedAt());
        assertThat(webhooks.findById(acme, before.id())).contains(expected);
    }

    @Test
    void anUpdateOfAMissingWebhookReportsFalse() {
        assertThat(webhooks.update(webhook(newTenant("Acme"), "never stored", "call.start"))).isFalse();
    }

    @Test
    void anUpdateNamingAnotherTenantChangesNothing() {
        Webhook acmes = webhook(newTenant("Acme"), "crm", "call.start");
        webhooks.insert(acmes);
        Webhook w = webhook(newTenant("Globex"), "taken over", "call.end");
        Webhook hijack = new Webhook(acmes.id(), w.tenant(), w.name(), w.target(), w.events(), true, w.headers(),
                w.maxRetries(), w.retryDelaySeconds(), w.secretEncrypted(), null, null, null, null, null,
                w.createdAt(), w.updatedAt());

        assertThat(webhooks.update(hijack)).isFalse();

        assertThat(webhooks.findByIdInAnyTenant(acmes.id())).contains(acmes);
    }

    @Test
    void deleteRemovesTheWebhookAndItsDeliveries() {
        TenantId acme = newTenant("Acme");
        Webhook crm = webhook(acme, "crm", "call.start");
        webhooks.insert(crm);
        WebhookOutbox outbox = outbox();
        outbox.append(event(acme, "call.start", T0));
        UUID delivery = outbox.list(crm.id(), DeliveryFilter.ALL, new PageRequest(1, 10)).items().get(0).id();

        webhooks.delete(acme, crm.id());

        assertThat(webhooks.findById(acme, crm.id())).isEmpty();
        assertThat(outbox.find(crm.id(), delivery)).isEmpty();
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void deleteRemovesOnlyTheTenantsOwnWebhook() {
        TenantId acme = newTenant("Acme");
        Webhook crm = webhook(acme, "crm", "call.start");
        webhooks.insert(crm);

        webhooks.delete(newTenant("Globex"), crm.id());

        assertThat(webhooks.findById(acme, crm.id())).contains(crm);
    }

    @Test
    void countCountsOnlyTheTenantsWebhooks() {
        TenantId acme = newTenant("Acme");
        webhooks.insert(webhook(acme, "one", "call.start"));
        webhooks.insert(webhook(acme, "two", "call.end"));
        webhooks.insert(webhook(newTenant("Globex"), "one", "call.start"));

        assertThat(webhooks.count(acme)).isEqualTo(2);
    }

    @Test
    void aTenantsListHoldsOnlyItsWebhooksOldestFirst() {
        TenantId acme = newTenant("Acme");
        Webhook newer = webhook(acme, "newer", T0.plusSeconds(60), "call.start");
        Webhook older = webhook(acme, "older", T0, "call.end");
        webhooks.insert(newer);
        webhooks.insert(older);
        webhooks.insert(webhook(newTenant("Globex"), "other", T0, "call.start"));

        assertThat(webhooks.list(acme)).containsExactly(older, newer);
    }

    @Test
    void listAllHoldsEveryTenantsWebhooksOldestFirst() {
        Webhook second = webhook(newTenant("Acme"), "second", T0.plusSeconds(2), "call.start");
        Webhook first = webhook(newTenant("Globex"), "first", T0, "call.start");
        webhooks.insert(second);
        webhooks.insert(first);

        assertThat(webhooks.listAll()).containsExactly(first, second);
    }

    @Test
    void subscribedEventsAreThoseOfTheTenantsActiveWebhooks() {
        TenantId acme = newTenant("Acme");
        webhooks.insert(webhook(acme, "calls", "call.start", "call.end"));
        webhooks.insert(webhook(acme, "voicemail", "voicemail.new", "call.end"));
        webhooks.insert(withActive(webhook(acme, "paused", "queue.agent.login"), false));
        webhooks.insert(webhook(newTenant("Globex"), "other", "sms.received"));

        assertThat(webhooks.subscribedEvents(acme)).containsExactlyInAnyOrder("call.start", "call.end",
                "voicemail.new");
    }

    @Test
    void aTenantWithoutWebhooksSubscribesToNothing() {
        assertThat(webhooks.subscribedEvents(newTenant("Acme"))).isEmpty();
    }

    @Test
    void markFailingAnswersAndKeepsTheFirstFailingTime() {
        TenantId acme = newTenant("Acme");
        Webhook crm = webhook(acme, "crm", "call.start");
        webhooks.insert(crm);
        Instant first = T0.plusSeconds(10);

        assertThat(webhooks.markFailing(crm.id(), first)).isEqualTo(first);
        assertThat(webhooks.markFailing(crm.id(), first.plus(Duration.ofHours(2)))).isEqualTo(first);

        assertThat(webhooks.findById(acme, crm.id()).orElseThrow().failingSince()).isEqualTo(first);
    }

    @Test
    void markHealthyClearsTheFailingTime() {
        TenantId acme = newTenant("Acme");
        Webhook crm = webhook(acme, "crm", "call.start");
        webhooks.insert(crm);
        webhooks.markFailing(crm.id(), T0);

        webhooks.markHealthy(crm.id());

        assertThat(webhooks.findById(acme, crm.id()).orElseThrow().failingSince()).isNull();
        assertThat(webhooks.markFailing(crm.id(), T0.plusSeconds(30))).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void disableMakesTheWebhookInactiveWithItsReason() {
        TenantId acme = newTenant("Acme");
        Webhook crm = webhook(acme, "crm", "call.start");
        webhooks.insert(crm);

        assertThat(webhooks.disable(crm.id(), "The receiver answered 410 Gone", T0.plusSeconds(5))).isTrue();

        Webhook disabled = webhooks.findById(acme, crm.id()).orElseThrow();
        assertThat(disabled.active()).isFalse();
        assertThat(disabled.disabledReason()).isEqualTo("The receiver answered 410 Gone");
        assertThat(disabled.disabledAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(webhooks.subscribedEvents(acme)).isEmpty();
    }

    @Test
    void disablingAnInactiveWebhookReportsFalseAndKeepsTheFirstReason() {
        TenantId acme = newTenant("Acme");
        Webhook crm = webhook(acme, "crm", "call.start");
        webhooks.insert(crm);
        webhooks.disable(crm.id(), "first", T0);

        assertThat(webhooks.disable(crm.id(), "second", T0.plusSeconds(60))).isFalse();

        assertThat(webhooks.findById(acme, crm.id()).orElseThrow().disabledReason()).isEqualTo("first");
    }

    @Test
    void disablingAMissingWebhookReportsFalse() {
        assertThat(webhooks.disable(UUID.randomUUID(), "gone", T0)).isFalse();
    }
}
