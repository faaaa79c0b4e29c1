package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import java.util.UUID;

class MapWebhookRepositoryTest extends WebhookRepositoryContract {

    private MapWebhookRepository webhooks;
    private MapWebhookOutbox outbox;

    @Override
    protected WebhookRepository newRepository() {
        webhooks = new MapWebhookRepository();
        outbox = new MapWebhookOutbox(webhooks);
        return webhooks;
    }

    @Override
    protected WebhookOutbox outbox() {
        return outbox;
    }

    @Override
    protected TenantId newTenant(String companyName) {
        return TenantId.of(UUID.randomUUID());
    }
}
