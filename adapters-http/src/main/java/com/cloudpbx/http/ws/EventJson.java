package com.cloudpbx.http.ws;

import com.cloudpbx.core.calls.CallNotification;
import com.cloudpbx.core.calls.CallEventFields;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** Messages of the events socket: {@code {"type": ..., "data": {...}, "timestamp": ...}}. */
public final class EventJson {

    private EventJson() {
    }

    /** A call event; its {@code data} is described by core's {@link CallEventFields}. */
    @Serdeable
    public record CallEvent(
            String type,
            @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
            Map<String, Object> data,
            String timestamp) {

        static CallEvent of(CallNotification notification) {
            return new CallEvent(notification.type().wireName(), CallEventFields.of(notification),
                    Times.iso(notification.at()));
        }
    }

    /** A tenant's event that is not about a call leg, e.g. {@code queue_agent_login}; data as the event names it. */
    @Serdeable
    public record TenantEventMessage(String type, Map<String, Object> data, String timestamp) {

        static TenantEventMessage of(TenantEvent event) {
            return new TenantEventMessage(event.type(), event.data(), Times.iso(event.at()));
        }
    }

    /** Sent once a client is authenticated: whose events it will get. */
    @Serdeable
    public record Connected(String type, ConnectedData data, String timestamp) {
    }

    /** {@code tenantId} is null for a superadmin watching every tenant. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConnectedData(@Nullable String tenantId, String role, @Nullable String extension) {
    }

    @Serdeable
    public record Pong(String type, String timestamp) {
    }

    /** What a client sends: {@code {"type":"auth","token":"..."}} (or {@code apiKey}), or a ping. */
    @Serdeable
    public record ClientMessage(@Nullable String type, @Nullable String token, @Nullable String apiKey) {

        @Override
        public String toString() {
            return "ClientMessage[" + type + "]";
        }
    }
}
