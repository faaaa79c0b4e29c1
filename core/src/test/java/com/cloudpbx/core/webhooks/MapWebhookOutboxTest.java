package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import java.util.UUID;

class MapWebhookOutboxTest extends WebhookOutboxContract {

    private MapWebhookRepository webhooks;

    @Override
    protected WebhookOutbox newOutbox() {
        webhooks = new MapWebhookRepository();
        return new MapWebhookOutbox(webhooks);
    }

    @Override
    protected WebhookRepository webhooks() {
        return webhooks;
    }

    @Override
    protected TenantId newTenant(String companyName) {
        return TenantId.of(UUID.randomUUID());
    }
}
