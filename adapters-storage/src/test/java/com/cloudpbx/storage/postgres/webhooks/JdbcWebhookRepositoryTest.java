package com.cloudpbx.storage.postgres.webhooks;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.webhooks.CustomHeaders;
import com.cloudpbx.core.webhooks.Webhook;
import com.cloudpbx.core.webhooks.WebhookRepositoryContract;
import com.cloudpbx.core.webhooks.WebhookTarget;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcWebhookRepositoryTest extends WebhookRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected WebhookRepository newRepository() {
        return storage.emptied().bean(WebhookRepository.class);
    }

    @Override
    protected WebhookOutbox outbox() {
        return storage.bean(WebhookOutbox.class);
    }

    @Override
    protected TenantId newTenant(String companyName) {
        Tenant tenant = tenant(companyName);
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }

    /** Two requests that both found the name free: the unique index on lower(name) refuses the second. */
    @Test
    void aNameTakenWhateverItsCaseIsADuplicateOnInsert() {
        WebhookRepository webhooks = storage.bean(WebhookRepository.class);
        TenantId acme = newTenant("Acme");
        webhooks.insert(named(acme, "CRM Sync"));

        assertThatThrownBy(() -> webhooks.insert(named(acme, "crm sync")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("DUPLICATE");
                    assertThat(e.getMessage()).contains("crm sync");
                });
    }

    @Test
    void deletingTheTenantDeletesItsWebhooks() {
        WebhookRepository webhooks = storage.bean(WebhookRepository.class);
        TenantId acme = newTenant("Acme");
        Webhook crm = named(acme, "crm");
        webhooks.insert(crm);

        storage.execute("DELETE FROM tenants WHERE id = '" + acme.value() + "'");

        assertThat(webhooks.findByIdInAnyTenant(crm.id())).isEmpty();
    }

    private static Webhook named(TenantId tenant, String name) {
        return new Webhook(UUID.randomUUID(), tenant, name, new WebhookTarget(URI.create("https://hooks.example.com")),
                Set.of("call.start"), true, CustomHeaders.NONE, 5, 60, "v1:secret", null, null, null, null, null, T0,
                T0);
    }
}
