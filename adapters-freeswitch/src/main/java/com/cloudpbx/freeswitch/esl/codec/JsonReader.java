package com.cloudpbx.freeswitch.esl.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for what FreeSWITCH emits: event objects whose values are strings (an array
 * for a multi-valued header) and api output such as {@code show channels as json}. It keeps the
 * adapter free of a JSON library that would need the Micronaut context; numbers are kept as their
 * text because callers only ever want strings.
 */
final class JsonReader {

    /** Receives each member of a flat object as it is read. */
    @FunctionalInterface
    interface Sink {
        void member(String name, String value);
    }

    private final String text;
    private int pos;

    JsonReader(String text) {
        this.text = text;
    }

    /**
     * Reads an object whose values become strings: scalars as their text, arrays of strings in
     * FreeSWITCH's own {@code ARRAY::a|:b} form (what a plain event carries for the same header),
     * {@code null} left out.
     */
    void readFlatObject(Sink result) {
        skipWhitespace();
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            String key = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            String value = flatten(readValue());
            if (value != null) {
                result.member(key, value);
            }
            skipWhitespace();
            if (next() == '}') {
                return;
            }
            pos--;
            expect(',');
        }
    }

    /** Reads any value: String (numbers too), Boolean, null, List or Map (insertion ordered). */
    Object readValue() {
        skipWhitespace();
        char c = peek();
        return switch (c) {
            case '"' -> readString();
            case '{' -> readObject();
            case '[' -> readArray();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> readNumber();
        };
    }

    private Map<String, Object> readObject() {
        expect('{');
        Map<String, Object> result = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return result;
        }
        while (true) {
            skipWhitespace();
            String key = readString();
            skipWhitespace();
            expect(':');
            result.put(key, readValue());
            skipWhitespace();
            if (next() == '}') {
                return result;
            }
            pos--;
            expect(',');
        }
    }

    private List<Object> readArray() {
        expect('[');
        List<Object> result = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return result;
        }
        while (true) {
            result.add(readValue());
            skipWhitespace();
            if (next() == ']') {
                return result;
            }
            pos--;
            expect(',');
        }
    }

    private String readString() {
        expect('"');
        int start = pos;
        int quote = text.indexOf('"', start);
        if (quote < 0) {
            throw error("unterminated string");
        }
        int backslash = text.indexOf('\\', start);
        if (backslash < 0 || backslash > quote) {
            pos = quote + 1;
            return text.substring(start, quote);
        }
        StringBuilder out = new StringBuilder(quote - start + 16);
        out.append(text, start, backslash);
        pos = backslash;
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
                    pos += 4;
                }
                default -> throw error("bad escape \\" + escaped);
            }
        }
    }

    private String readNumber() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character");
        }
        return text.substring(start, pos);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character");
        }
        pos += word.length();
        return value;
    }

    /** A value as a flat object member holds it; null stays null. */
    static String flatten(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof List<?> list) {
            StringBuilder joined = new StringBuilder("ARRAY::");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    joined.append("|:");
                }
                joined.append(list.get(i));
            }
            return joined.toString();
        }
        return value.toString();
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Malformed JSON from FreeSWITCH at offset " + pos + ": " + what);
    }
}
