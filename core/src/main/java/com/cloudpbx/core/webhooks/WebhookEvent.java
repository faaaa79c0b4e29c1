package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened in a tenant, as webhooks carry it: {@code name} is the dotted event name
 * ({@code call.start}), {@code id} is the same for every webhook and every retry that carries it, so
 * a receiver drops a repeat by it, and {@code data} holds the fields in the order they are sent.
 */
public record WebhookEvent(UUID id, String name, TenantId tenant, Instant at, Map<String, Object> data) {

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(at, "at");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A real-time event's webhook form: {@code queue_agent_login} is {@code queue.agent.login}. */
    public static WebhookEvent of(TenantEvent event) {
        return new WebhookEvent(UUID.randomUUID(), dotted(event.type()), event.tenant(), event.at(), event.data());
    }

    /** The webhook name of a real-time event type. */
    public static String dotted(String wireType) {
        return wireType.replace('_', '.');
    }
}
