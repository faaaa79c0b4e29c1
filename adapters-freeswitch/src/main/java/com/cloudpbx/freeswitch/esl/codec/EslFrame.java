package com.cloudpbx.freeswitch.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as mod_event_socket frames it: a header block ended by a blank line, then, when the
 * block names a {@code Content-Length}, exactly that many bytes of body.
 *
 * <p>The body stays bytes because {@code Content-Length} counts bytes and an event body is itself
 * parsed byte-wise (see {@link EslEvent#parse(EslFrame)}). The array is owned by the frame and
 * never mutated; records compare arrays by identity, so frames are not meant to be compared.
 *
 * @param headers in the order they arrived; unmodifiable
 * @param body    empty when the frame has no {@code Content-Length}
 * @param event   the event of a text/event-plain frame as the connection's decoder read it from the
 *                body, which it reads in place; null for other frames, and when the decoder left the
 *                reading to {@link EslEvent#parse(EslFrame)} (a body that does not parse fails there)
 */
public record EslFrame(Map<String, String> headers, byte[] body, EslEvent event) {

    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LENGTH = "Content-Length";

    public static final String AUTH_REQUEST = "auth/request";
    public static final String COMMAND_REPLY = "command/reply";
    public static final String API_RESPONSE = "api/response";
    public static final String EVENT_PLAIN = "text/event-plain";
    public static final String EVENT_JSON = "text/event-json";
    public static final String DISCONNECT_NOTICE = "text/disconnect-notice";
    /** Sent instead of auth/request to a client the ACL refuses, just before the socket closes. */
    public static final String RUDE_REJECTION = "text/rude-rejection";

    private static final byte[] NO_BODY = new byte[0];

    public EslFrame {
        headers = Collections.unmodifiableMap(Objects.requireNonNull(headers, "headers"));
        body = body == null ? NO_BODY : body;
    }

    EslFrame(Map<String, String> headers, byte[] body) {
        this(headers, body, null);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String contentType() {
        return headers.getOrDefault(CONTENT_TYPE, "");
    }

    public boolean is(String contentType) {
        return contentType().equals(contentType);
    }

    /** The {@code Reply-Text} of a command/reply, e.g. {@code +OK accepted} or {@code -ERR invalid}. */
    public String replyText() {
        return headers.getOrDefault("Reply-Text", "");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EslFrame[" + contentType() + ", " + headers.size() + " headers, " + body.length + " body bytes]";
    }
}
