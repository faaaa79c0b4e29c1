package com.cloudpbx.freeswitch.esl.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The body of a text/event-json frame read with Jackson's streaming parser into the same event
 * {@link EslEvent#parse} gives: {@code _body} set aside, {@code null} members and {@code _undef_}
 * values left out, {@code Content-Length} not a header, arrays as {@code ARRAY::a|:b}. The decode
 * benchmark weighs it against the event reader the client uses ({@link JsonHeaders}).
 */
final class JacksonEventReader {

    private final JsonFactory factory;

    JacksonEventReader(JsonFactory factory) {
        this.factory = factory;
    }

    EslEvent read(byte[] json) {
        try (JsonParser parser = factory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("An event is a JSON object");
            }
            HeaderMap.Builder headers = HeaderMap.builder(json.length / 50 + 8);
            String body = null;
            for (String name; (name = parser.nextFieldName()) != null; ) {
                String value = value(parser, parser.nextToken());
                if (value == null) {
                    continue;
                }
                if (name.equals("_body")) {
                    body = value;
                } else if (!value.equals(HeaderBlock.UNDEFINED) && !name.equals(EslFrame.CONTENT_LENGTH)) {
                    headers.put(name, value);
                }
            }
            return new EslEvent(headers.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case START_ARRAY -> {
                StringBuilder joined = new StringBuilder("ARRAY::");
                boolean first = true;
                for (JsonToken item; (item = parser.nextToken()) != JsonToken.END_ARRAY; ) {
                    if (!first) {
                        joined.append("|:");
                    }
                    first = false;
                    joined.append(item.isStructStart() ? skipped(parser) : parser.getText());
                }
                yield joined.toString();
            }
            case START_OBJECT -> skipped(parser);
            default -> parser.getText();
        };
    }

    /** A nested object: FreeSWITCH's events have none, so it is skipped rather than flattened. */
    private static String skipped(JsonParser parser) throws IOException {
        parser.skipChildren();
        return "";
    }
}
