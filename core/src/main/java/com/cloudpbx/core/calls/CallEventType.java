package com.cloudpbx.core.calls;

import java.util.Locale;

/** Real-time call events: {@code call_start} on the WebSocket, {@code call.start} for webhooks. */
public enum CallEventType {
    CALL_START,
    CALL_RINGING,
    CALL_ANSWER,
    /** The leg is connected to its far end: from now on it can be transferred attended or given a participant. */
    CALL_BRIDGE,
    CALL_HOLD,
    CALL_UNHOLD,
    CALL_PARK,
    CALL_TRANSFER,
    CALL_END,
    CONFERENCE_JOIN,
    CONFERENCE_LEAVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String webhookName() {
        return wireName().replace('_', '.');
    }
}
