package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.shared.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RaiseWebhookEventsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");

    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private final MapWebhookRepository webhooks = new MapWebhookRepository();
    private final MapWebhookOutbox outbox = new MapWebhookOutbox(webhooks);

    @Test
    void anEventIsStoredOnceForEachWebhookSubscribedToIt() {
        webhook(acme, Set.of("call.start", "call.end"), true);
        webhook(acme, Set.of("call.start"), true);
        webhook(acme, Set.of("call.end"), true);

        WebhookFixtures.raisingInto(webhooks, outbox).raise(event("call.start", acme));

        assertThat(outbox.all()).hasSize(2).extracting(Delivery::event).containsOnly("call.start");
    }

    @Test
    void anInactiveWebhookGetsNothing() {
        webhook(acme, Set.of("call.start"), false);

        WebhookFixtures.raisingInto(webhooks, outbox).raise(event("call.start", acme));

        assertThat(outbox.all()).isEmpty();
    }

    @Test
    void anotherTenantsWebhookGetsNothing() {
        webhook(TenantId.of(UUID.randomUUID()), Set.of("call.start"), true);

        WebhookFixtures.raisingInto(webhooks, outbox).raise(event("call.start", acme));

        assertThat(outbox.all()).isEmpty();
    }

    @Test
    void aRealTimeEventTakesItsDottedName() {
        webhook(acme, Set.of("queue.agent.login"), true);

        WebhookFixtures.raisingInto(webhooks, outbox).raise(new TenantEvent("queue_agent_login", acme, "1001",
                Map.of("extension", "1001"), T0));

        assertThat(outbox.all()).singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo("queue.agent.login");
            assertThat(d.body()).contains("\"event\":\"queue.agent.login\"").contains("\"extension\":\"1001\"");
        });
    }

    @Test
    void anEventTheStoreCannotTakeWaitsAndIsStoredOnceItCan() {
        webhook(acme, Set.of("call.start"), true);
        RaiseWebhookEvents raise = WebhookFixtures.raisingInto(webhooks, outbox);
        outbox.unreachable(true);
        raise.raiseOrHold(event("call.start", acme));
        outbox.unreachable(false);

        int stored = raise.storeHeld();

        assertThat(stored).isEqualTo(1);
        assertThat(outbox.all()).hasSize(1);
        assertThat(raise.heldCount()).isZero();
    }

    @Test
    void eventsRaisedWhileOthersWaitAreStoredAfterThemInOrder() {
        webhook(acme, Set.of("call.start", "call.answer", "call.end"), true);
        RaiseWebhookEvents raise = WebhookFixtures.raisingInto(webhooks, outbox);
        outbox.unreachable(true);
        raise.raiseOrHold(event("call.start", acme));
        outbox.unreachable(false);
        raise.raiseOrHold(event("call.answer", acme));
        raise.raiseOrHold(event("call.end", acme));

        raise.storeHeld();

        assertThat(outbox.all()).extracting(Delivery::event).containsExactly("call.start", "call.answer", "call.end");
    }

    @Test
    void heldEventsStayWhileTheStoreStillFails() {
        webhook(acme, Set.of("call.start"), true);
        RaiseWebhookEvents raise = WebhookFixtures.raisingInto(webhooks, outbox);
        outbox.unreachable(true);
        raise.raiseOrHold(event("call.start", acme));

        assertThatThrownBy(raise::storeHeld).isInstanceOf(IllegalStateException.class);
        assertThat(raise.heldCount()).isEqualTo(1);
    }

    private void webhook(TenantId tenant, Set<String> events, boolean active) {
        webhooks.insert(new Webhook(UUID.randomUUID(), tenant, "CRM " + UUID.randomUUID(),
                new WebhookTarget(URI.create("https://crm.example.com/")), events, active, CustomHeaders.NONE, 5, 60,
                "enc(whsec_x)", null, null, null, null, null, T0, T0));
    }

    private static WebhookEvent event(String name, TenantId tenant) {
        return new WebhookEvent(UUID.randomUUID(), name, tenant, T0, Map.of("uuid", "leg"));
    }
}
