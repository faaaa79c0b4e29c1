package com.cloudpbx.freeswitch.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as the domain reads it, whichever format it came in: headers with their real values
 * (plain events arrive percent-encoded) and the event's own body, if it has one (a BACKGROUND_JOB
 * carries the command's output there).
 *
 * <p>Headers whose value is FreeSWITCH's {@code _undef_} are absent. The {@code Content-Length} a
 * plain event uses to frame its body is not an event header and is not kept.
 *
 * @param headers in the order FreeSWITCH serialized them; unmodifiable
 * @param body    empty when the event has none
 */
public record EslEvent(Map<String, String> headers, String body) {

    private static final String JSON_BODY = "_body";

    public EslEvent {
        Objects.requireNonNull(headers, "headers");
        headers = headers instanceof HeaderMap || headers instanceof PlainHeaders || headers instanceof JsonHeaders
                ? headers : Collections.unmodifiableMap(headers);
        body = body == null ? "" : body;
    }

    /**
     * Decodes a text/event-plain or text/event-json frame; a frame from {@link EslFrameDecoder}
     * usually carries its event already read.
     */
    public static EslEvent parse(EslFrame frame) {
        if (frame.event() != null) {
            return frame.event();
        }
        if (frame.is(EslFrame.EVENT_PLAIN)) {
            // The frame owns its body and nothing writes to it: the headers can read it in place.
            return plain(frame.body(), IndexedHeaders.parse(frame.body()));
        }
        if (frame.is(EslFrame.EVENT_JSON)) {
            JsonHeaders headers = JsonHeaders.parse(frame.body());
            // Null for JSON it does not expect: the text reader then reads it or says what is wrong.
            return headers != null ? new EslEvent(headers, headers.body()) : parseJson(frame.bodyText());
        }
        throw new IllegalArgumentException("Not an event frame: " + frame.contentType());
    }

    /**
     * Parses the body of a text/event-plain frame: url-encoded {@code Name: value} lines, then either
     * a blank line, or {@code Content-Length: n}, a blank line and n bytes of event body.
     */
    static EslEvent parsePlain(byte[] serialized) {
        // Values are decoded when read, from a copy the caller cannot change in the meantime.
        byte[] bytes = serialized.clone();
        return plain(bytes, IndexedHeaders.parse(bytes));
    }

    /** The event whose header lines {@code headers} read from {@code serialized}; the body follows them. */
    static EslEvent plain(byte[] serialized, PlainHeaders headers) {
        int blank = headers.blankLine();
        String body = "";
        if (headers.contentLength() != null && blank >= 0) {
            int bodyStart = blank + 2;
            int bodyLength = Math.min(parseLength(headers.contentLength()), serialized.length - bodyStart);
            body = new String(serialized, bodyStart, Math.max(0, bodyLength), StandardCharsets.UTF_8);
        }
        return new EslEvent(headers, body);
    }

    /** Parses the body of a text/event-json frame: one flat object, the event body under {@code _body}. */
    static EslEvent parseJson(String json) {
        JsonMembers headers = new JsonMembers(json.length() / 50 + 8);
        new JsonReader(json).readFlatObject(headers);
        return new EslEvent(headers.map.build(), headers.body);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** {@code Event-Name}, e.g. CHANNEL_ANSWER or CUSTOM. */
    public String name() {
        return headers.getOrDefault("Event-Name", "");
    }

    /** {@code Event-Subclass} of a CUSTOM event, e.g. conference::maintenance. */
    public Optional<String> subclass() {
        return header("Event-Subclass");
    }

    public Optional<String> uniqueId() {
        return header("Unique-ID");
    }

    public Optional<String> jobUuid() {
        return header("Job-UUID");
    }

    @Override
    public String toString() {
        return "EslEvent[" + name() + subclass().map(s -> " " + s).orElse("") + ", " + headers.size() + " headers]";
    }

    /** Sets aside {@code _body}; drops {@code _undef_} values as the plain form does. */
    private static final class JsonMembers implements JsonReader.Sink {
        private final HeaderMap.Builder map;
        private String body;

        JsonMembers(int expectedSize) {
            map = HeaderMap.builder(expectedSize);
        }

        @Override
        public void member(String name, String value) {
            if (JSON_BODY.equals(name)) {
                body = value;
            } else if (!HeaderBlock.UNDEFINED.equals(value) && !EslFrame.CONTENT_LENGTH.equals(name)) {
                map.put(name, value);
            }
        }
    }

    private static int parseLength(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Event Content-Length is not a number: " + value);
        }
    }
}
