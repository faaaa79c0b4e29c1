package com.cloudpbx.core.webhooks;

import static com.cloudpbx.core.calls.CallFixtures.admin;
import static com.cloudpbx.core.calls.CallFixtures.readonly;
import static com.cloudpbx.core.calls.CallFixtures.superadmin;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.audit.AuditEntry;
import com.cloudpbx.core.audit.AuditQuery;
import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.MapBoundedCaches;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.MovableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WebhookManagementTest {

    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");
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
    private static final Transactions DIRECT = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    private final MovableClock clock = new MovableClock(T0);
    private final Tenant acme = tenant("Acme");
    private final Tenant globex = tenant("Globex");
    private final MapWebhookRepository store = new MapWebhookRepository();
    private final WebhookSubscriptions subscriptions = new WebhookSubscriptions(store, new MapBoundedCaches(clock));
    private final WebhookManagement webhooks = new WebhookManagement(store,
            new ListTenants(new ArrayList<>(List.of(acme, globex))), new WebhookSecrets(new SecureRandom()), CIPHER,
            subscriptions, new WebhookRules(Set.of(443, 8443), 2), DIRECT,
            new AuditRecorder(new Unread(), clock), clock);

    @Test
    void aCreatedWebhookShowsItsGeneratedSecretOnceAndKeepsItEncrypted() {
        WebhookWithSecret created = webhooks.create(admin(acme), request("CRM"));

        assertThat(created.secret()).startsWith("whsec_");
        Webhook stored = store.findByIdInAnyTenant(created.webhook().id()).orElseThrow();
        assertThat(stored.secretEncrypted()).isEqualTo(CIPHER.encrypt(created.secret()));
        assertThat(stored.maxRetries()).isEqualTo(5);
        assertThat(stored.retryDelaySeconds()).isEqualTo(60);
        assertThat(stored.active()).isTrue();
    }

    @Test
    void aSecondWebhookWithTheSameNameInAnotherCaseIsRefused() {
        webhooks.create(admin(acme), request("CRM"));

        assertThatThrownBy(() -> webhooks.create(admin(acme), request("crm")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE"));
    }

    @Test
    void theSameNameInAnotherTenantIsAllowed() {
        webhooks.create(admin(acme), request("CRM"));

        assertThat(webhooks.create(admin(globex), request("CRM")).webhook().tenant()).isEqualTo(globex.id());
    }

    @Test
    void aTenantAtItsLimitCannotCreateAnother() {
        webhooks.create(admin(acme), request("One"));
        webhooks.create(admin(acme), request("Two"));

        assertThatThrownBy(() -> webhooks.create(admin(acme), request("Three")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("LIMIT_REACHED"));
    }

    @Test
    void aReadonlyPrincipalCannotCreate() {
        assertThatThrownBy(() -> webhooks.create(readonly(acme), request("CRM")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }

    @Test
    void aSuperadminInNoTenantMustNameOne() {
        assertThatThrownBy(() -> webhooks.create(superadmin(), request("CRM")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("TENANT_REQUIRED"));
    }

    @Test
    void anotherTenantsWebhookIsNotFound() {
        Webhook theirs = webhooks.create(admin(globex), request("CRM")).webhook();

        assertThatThrownBy(() -> webhooks.get(admin(acme), theirs.id()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void rotatingKeepsThePreviousSecretSigningForADay() {
        WebhookWithSecret created = webhooks.create(admin(acme), request("CRM"));
        clock.advance(Duration.ofMinutes(5));

        WebhookWithSecret rotated = webhooks.rotateSecret(admin(acme), created.webhook().id(), null);

        assertThat(rotated.secret()).isNotEqualTo(created.secret());
        Webhook stored = store.findByIdInAnyTenant(created.webhook().id()).orElseThrow();
        assertThat(CIPHER.decrypt(stored.previousSecretEncrypted())).isEqualTo(created.secret());
        assertThat(stored.previousSecretUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(stored.previousSecretSigns(clock.instant().plus(Duration.ofHours(24)))).isFalse();
    }

    @Test
    void turningADisabledWebhookBackOnClearsWhyItWasDisabled() {
        Webhook created = webhooks.create(admin(acme), request("CRM")).webhook();
        store.markFailing(created.id(), T0);
        store.disable(created.id(), "The receiver answered 410 Gone", T0);

        Webhook updated = webhooks.update(admin(acme), created.id(), activeOnly(true));

        assertThat(updated.active()).isTrue();
        assertThat(updated.disabledReason()).isNull();
        assertThat(updated.failingSince()).isNull();
    }

    @Test
    void aNewSubscriptionIsSeenByTheNextEvent() {
        assertThat(subscriptions.anySubscribes(acme.id(), "call.start")).isFalse();

        webhooks.create(admin(acme), request("CRM"));

        assertThat(subscriptions.anySubscribes(acme.id(), "call.start")).isTrue();
    }

    @Test
    void aTargetOnAPortNotAllowedIsRefused() {
        var onOtherPort = new NewWebhook("CRM", "https://crm.example.com:9000/hook", List.of("call.start"), null,
                Map.of(), null, null, null);

        assertThatThrownBy(() -> webhooks.create(admin(acme), onOtherPort))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.details()).extracting(i -> i.field()).containsExactly("url"));
    }

    private static NewWebhook request(String name) {
        return new NewWebhook(name, "https://crm.example.com/hook", List.of("call.start", "call.end"), null, Map.of(),
                null, null, null);
    }

    private static WebhookChanges activeOnly(boolean active) {
        return new WebhookChanges(Change.absent(), Change.absent(), Change.absent(), Change.absent(), Change.absent(),
                Change.absent(), Change.to(active));
    }

    /** An audit log nobody reads here. */
    private static final class Unread implements AuditLog {

        @Override
        public void append(AuditEntry entry) {
            // Audit entries are the audit context's to test.
        }

        @Override
        public Page<AuditEntry> find(AuditQuery query, PageRequest page) {
            throw new UnsupportedOperationException("not read here");
        }
    }
}
