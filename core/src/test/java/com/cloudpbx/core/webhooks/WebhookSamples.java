package com.cloudpbx.core.webhooks;

import static com.cloudpbx.core.testing.StoreSamples.T0;

import com.cloudpbx.core.shared.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Webhooks and events for the webhook store contracts; times are whole microseconds, as stores keep them. */
final class WebhookSamples {

    private WebhookSamples() {
    }

    /** An active webhook without custom headers, rotation, failures or disabling. */
    static Webhook webhook(TenantId tenant, String name, Instant createdAt, String... events) {
        String path = name.replace(' ', '-');
        return new Webhook(UUID.randomUUID(), tenant, name, target("https://hooks.example.com/" + path),
                Set.of(events), true, CustomHeaders.NONE, Webhook.DEFAULT_MAX_RETRIES,
                Webhook.DEFAULT_RETRY_DELAY_SECONDS, "v1:secret-of-" + name, null, null, null, null, null,
                createdAt, createdAt);
    }

    static Webhook webhook(TenantId tenant, String name, String... events) {
        return webhook(tenant, name, T0, events);
    }

    /** The same webhook, active or not. */
    static Webhook withActive(Webhook w, boolean active) {
        return new Webhook(w.id(), w.tenant(), w.name(), w.target(), w.events(), active, w.headers(), w.maxRetries(),
                w.retryDelaySeconds(), w.secretEncrypted(), w.previousSecretEncrypted(), w.previousSecretUntil(),
                w.failingSince(), w.disabledReason(), w.disabledAt(), w.createdAt(), w.updatedAt());
    }

    static WebhookTarget target(String url) {
        return new WebhookTarget(URI.create(url));
    }

    static CustomHeaders headers(String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new CustomHeaders(values);
    }

    static WebhookEvent event(TenantId tenant, String name, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("call_uuid", UUID.randomUUID().toString());
        data.put("legs", List.of("a", "b"));
        return new WebhookEvent(UUID.randomUUID(), name, tenant, at, data);
    }
}
