package com.cloudpbx.core.calls;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a call event as clients receive them — the events socket's {@code data} and a
 * webhook's {@code data} alike, in this order. {@code uuid} and {@code call_uuid} are both the
 * leg's channel uuid (clients match {@code call_uuid} against the uuid an originate returned);
 * {@code call_id} is shared by every leg of the same call; {@code bridged_to} is the leg it is
 * connected to (null until {@code call_bridge}). The last four fields appear only on the event types
 * they belong to: {@code hangup_cause} on the end, {@code slot} on a park, {@code target} on a
 * transfer, {@code conference} on a join or leave. Times are ISO-8601 UTC to the second.
 */
public final class CallEventFields {

    private CallEventFields() {
    }

    public static Map<String, Object> of(CallNotification notification) {
        LiveChannel channel = notification.channel();
        String uuid = channel.uuid().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uuid", uuid);
        data.put("call_uuid", uuid);
        data.put("call_id", channel.callUuid().toString());
        data.put("tenant_id", channel.tenant().toString());
        data.put("caller_id_number", channel.callerIdNumber());
        data.put("caller_id_name", channel.callerIdName());
        data.put("destination", channel.destination());
        data.put("direction", channel.direction().wireName());
        data.put("extension", channel.extension());
        data.put("status", channel.status());
        data.put("answered", channel.answered());
        data.put("on_hold", channel.onHold());
        data.put("started_at", iso(channel.startedAt()));
        data.put("bridged_to", channel.bridgedTo() == null ? null : channel.bridgedTo().toString());
        String detail = notification.detail();
        if (detail == null) {
            return data;
        }
        switch (notification.type()) {
            case CALL_END -> data.put("hangup_cause", detail);
            case CALL_PARK -> data.put("slot", detail);
            case CALL_TRANSFER -> data.put("target", detail);
            case CONFERENCE_JOIN, CONFERENCE_LEAVE -> data.put("conference", detail);
            default -> {
                // The other types carry nothing beyond the leg itself.
            }
        }
        return data;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
