package com.cloudpbx.http.ws;

import com.cloudpbx.core.calls.CallNotification;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** Messages of the events socket: {@code {"type": ..., "data": {...}, "timestamp": ...}}. */
public final class EventJson {

    private EventJson() {
    }

    @Serdeable
    public record CallEvent(String type, CallEventData data, String timestamp) {

        static CallEvent of(CallNotification notification) {
            return new CallEvent(notification.type().wireName(), CallEventData.of(notification),
                    Times.iso(notification.at()));
        }
    }

    /**
     * The leg an event is about. {@code uuid} and {@code call_uuid} are both that leg's channel
     * uuid (clients match {@code call_uuid} against the uuid an originate returned);
     * {@code call_id} is shared by every leg of the same call; {@code bridged_to} is the leg it is
     * connected to (null until {@code call_bridge}). The last four fields appear only on the event
     * types they belong to.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CallEventData(
            String uuid,
            @JsonProperty("call_uuid") String callUuid,
            @JsonProperty("call_id") String callId,
            @JsonProperty("tenant_id") String tenantId,
            @JsonProperty("caller_id_number") @Nullable String callerIdNumber,
            @JsonProperty("caller_id_name") @Nullable String callerIdName,
            @Nullable String destination,
            String direction,
            @Nullable String extension,
            String status,
            boolean answered,
            @JsonProperty("on_hold") boolean onHold,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("bridged_to") @Nullable String bridgedTo,
            @JsonProperty("hangup_cause") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String hangupCause,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String slot,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String target,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String conference) {

        static CallEventData of(CallNotification notification) {
            LiveChannel channel = notification.channel();
            String detail = notification.detail();
            String hangupCause = null;
            String slot = null;
            String target = null;
            String conference = null;
            switch (notification.type()) {
                case CALL_END -> hangupCause = detail;
                case CALL_PARK -> slot = detail;
                case CALL_TRANSFER -> target = detail;
                case CONFERENCE_JOIN, CONFERENCE_LEAVE -> conference = detail;
                default -> {
                    // The other types carry nothing beyond the leg itself.
                }
            }
            String uuid = channel.uuid().toString();
            return new CallEventData(uuid, uuid, channel.callUuid().toString(), channel.tenant().toString(),
                    channel.callerIdNumber(), channel.callerIdName(), channel.destination(),
                    channel.direction().wireName(), channel.extension(), channel.status(), channel.answered(),
                    channel.onHold(), Times.iso(channel.startedAt()),
                    channel.bridgedTo() == null ? null : channel.bridgedTo().toString(), hangupCause, slot, target,
                    conference);
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
