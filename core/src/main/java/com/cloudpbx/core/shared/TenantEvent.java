package com.cloudpbx.core.shared;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened in a tenant other than a call leg changing (a queue agent logging in,
 * say), for the tenant's real-time subscribers: {@code type} is the wire name
 * ({@code queue_agent_login}), {@code data} the event's fields in the order they are sent, and
 * {@code extension} the extension it concerns, if any, so that a user principal sees only its own.
 */
public record TenantEvent(String type, TenantId tenant, String extension, Map<String, Object> data, Instant at) {

    public TenantEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(at, "at");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
