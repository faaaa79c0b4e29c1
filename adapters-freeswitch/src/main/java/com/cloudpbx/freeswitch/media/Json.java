package com.cloudpbx.freeswitch.media;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the JSON FreeSWITCH's {@code show ... as json} and {@code json_list} write:
 * objects become {@code Map<String, Object>}, arrays {@code List<Object>}, numbers
 * {@link BigDecimal}, and {@code true}, {@code false}, {@code null} themselves. The adapter has
 * no JSON library of its own, and these replies are small. Malformed input is an
 * {@link IllegalArgumentException}.
 */
final class Json {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("No JSON");
        }
        Json reader = new Json(text);
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.position != text.length()) {
            throw reader.error("Trailing text");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("Nested too deeply");
        }
        skipSpace();
        if (position >= text.length()) {
            throw error("Unexpected end");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipSpace();
        if (peek('}')) {
            position++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw error("Expected a member name");
            }
            String name = string();
            skipSpace();
            expect(':');
            members.put(name, value(depth + 1));
            skipSpace();
            if (peek(',')) {
                position++;
            } else {
                expect('}');
                return Collections.unmodifiableMap(members);
            }
        }
    }

    private List<Object> array(int depth) {
        position++;
        List<Object> items = new ArrayList<>();
        skipSpace();
        if (peek(']')) {
            position++;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            items.add(value(depth + 1));
            skipSpace();
            if (peek(',')) {
                position++;
            } else {
                expect(']');
                return Collections.unmodifiableList(items);
            }
        }
    }

    private String string() {
        position++;
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                out.append(escaped());
            } else if (c < 0x20) {
                throw error("Control character in a string");
            } else {
                out.append(c);
            }
        }
        throw error("Unterminated string");
    }

    private char escaped() {
        if (position >= text.length()) {
            throw error("Unterminated escape");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default -> throw error("Unknown escape");
        };
    }

    private char unicode() {
        if (position + 4 > text.length()) {
            throw error("Short unicode escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("Bad unicode escape");
        }
    }

    private BigDecimal number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        try {
            return new BigDecimal(text.substring(start, position));
        } catch (NumberFormatException e) {
            position = start;
            throw error("Expected a value");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("Expected " + word);
        }
        position += word.length();
        return value;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("Expected '" + c + "'");
        }
        position++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at offset " + position + " of a JSON reply");
    }
}
