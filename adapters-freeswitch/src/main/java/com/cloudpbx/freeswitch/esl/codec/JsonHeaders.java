package com.cloudpbx.freeswitch.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;

/**
 * The headers of a text/event-json event, read straight from the frame's bytes: one pass records
 * where each member's name and value sit and indexes the names, and a plain string value becomes a
 * {@link String} only when it is read. The same reasons as for {@link PlainHeaders}: ~230 members
 * per channel event, a handful read.
 *
 * <p>What {@link JsonReader#readFlatObject} would do is done here: {@code _body} is set aside as the
 * event body, {@code null} members and {@code _undef_} values are left out, {@code Content-Length}
 * is not a header, arrays read as {@code ARRAY::a|:b}. Strings with escapes, and any value that is
 * not a string, are decoded while parsing, so a malformed one still fails the parse. Anything this
 * reader does not expect makes {@link #parse} return null, and the caller reads the text with
 * {@link JsonReader}, which either reads it the same way or says what is wrong with it.
 *
 * <p>Unmodifiable and insertion-ordered; a repeated name keeps its first position and last value.
 * The bytes are the frame's own body, which nothing writes to. Safe to share between threads.
 */
final class JsonHeaders extends AbstractMap<String, String> {

    private static final int NAME_START = 0;
    private static final int NAME_END = 1;
    private static final int VALUE_START = 2;
    private static final int VALUE_END = 3;
    private static final int SPAN = 4;
    /** In VALUE_START: the value was decoded while parsing and is in {@link #decodedValues}. */
    private static final int DECODED = -1;
    private static final String BODY = "_body";
    private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNDEFINED = HeaderBlock.UNDEFINED.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = EslFrame.CONTENT_LENGTH.getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;
    private final int[] spans;
    private final int size;
    private final NameIndex index;
    /** Names with escapes or bytes outside ASCII, decoded while parsing; else null. */
    private final String[] decodedNames;
    /** Values decoded while parsing (escapes, numbers, literals, arrays); else null. */
    private final String[] decodedValues;
    private final String body;

    private JsonHeaders(byte[] bytes, Parse parse) {
        this.bytes = bytes;
        this.spans = parse.spans;
        this.size = parse.size;
        this.index = parse.index;
        this.decodedNames = parse.decodedNames;
        this.decodedValues = parse.decodedValues;
        this.body = parse.body;
    }

    /** The members of the flat object in {@code bytes}, or null when they are better read as text. */
    static JsonHeaders parse(byte[] bytes) {
        Parse parse = new Parse(bytes);
        try {
            return parse.run() ? new JsonHeaders(bytes, parse) : null;
        } catch (RuntimeException e) {
            // Malformed: the text reader says how, in its own words.
            return null;
        }
    }

    /** The {@code _body} member, or null when there is none. */
    String body() {
        return body;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && position(name) >= 0;
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        int position = position(name);
        return position < 0 ? null : value(position);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new OrderedEntries(size, this::name, this::value);
    }

    private int position(String name) {
        for (int slot = index.firstSlot(NameHash.of(name)); ; slot = index.nextSlot(slot)) {
            int position = index.entry(slot);
            if (position < 0 || nameEquals(position, name)) {
                return position;
            }
        }
    }

    private boolean nameEquals(int position, String name) {
        if (decodedNames != null && decodedNames[position] != null) {
            return decodedNames[position].equals(name);
        }
        return ByteScan.isName(bytes, spans[position * SPAN + NAME_START], spans[position * SPAN + NAME_END], name);
    }

    private String name(int position) {
        if (decodedNames != null && decodedNames[position] != null) {
            return decodedNames[position];
        }
        int start = spans[position * SPAN + NAME_START];
        return new String(bytes, start, spans[position * SPAN + NAME_END] - start, StandardCharsets.ISO_8859_1);
    }

    private String value(int position) {
        int start = spans[position * SPAN + VALUE_START];
        if (start == DECODED) {
            return decodedValues[position];
        }
        return new String(bytes, start, spans[position * SPAN + VALUE_END] - start, StandardCharsets.UTF_8);
    }

    /** One pass over the object; single use. Returns false, or throws, where the text reader should look. */
    private static final class Parse {
        private final byte[] bytes;
        private int pos;
        private int[] spans;
        private NameIndex index;
        private int size;
        private String[] decodedNames;
        private String[] decodedValues;
        private String body;

        // The member being read: its name as a span, or decoded; its value as a span, or decoded.
        private int nameStart;
        private int nameEnd;
        private String decodedName;
        private int valueStart;
        private int valueEnd;
        private String decodedValue;

        Parse(byte[] bytes) {
            this.bytes = bytes;
            // About one member per 40 bytes (a channel event's are); grows if they are shorter.
            this.spans = new int[Math.max(16, bytes.length / 32) * SPAN];
            this.index = new NameIndex(spans.length / SPAN);
        }

        boolean run() {
            skipWhitespace();
            if (!take('{')) {
                return false;
            }
            skipWhitespace();
            if (take('}')) {
                return true;
            }
            while (true) {
                skipWhitespace();
                if (!take('"') || !readName()) {
                    return false;
                }
                skipWhitespace();
                if (!take(':')) {
                    return false;
                }
                skipWhitespace();
                if (!readValue()) {
                    return false;
                }
                member();
                skipWhitespace();
                if (take('}')) {
                    return true;
                }
                if (!take(',')) {
                    return false;
                }
            }
        }

        private boolean readName() {
            int start = pos;
            int end = ByteScan.indexOfQuoteOrBackslash(bytes, start, bytes.length);
            if (end < 0) {
                return false;
            }
            if (bytes[end] == '"' && ByteScan.isAscii(bytes, start, end)) {
                nameStart = start;
                nameEnd = end;
                decodedName = null;
                pos = end + 1;
                return true;
            }
            decodedName = readEscaped(start, end);
            return decodedName != null;
        }

        /** Reads the value after the ':'; false when it is not one this reader knows. */
        private boolean readValue() {
            if (pos >= bytes.length) {
                return false;
            }
            byte first = bytes[pos];
            decodedValue = null;
            valueStart = DECODED;
            if (first == '"') {
                int start = ++pos;
                int end = ByteScan.indexOfQuoteOrBackslash(bytes, start, bytes.length);
                if (end < 0) {
                    return false;
                }
                if (bytes[end] == '"') {
                    valueStart = start;
                    valueEnd = end;
                    pos = end + 1;
                    return true;
                }
                decodedValue = readEscaped(start, end);
                return decodedValue != null;
            }
            if (first == '[' || first == '{') {
                int end = endOfComposite(pos);
                if (end < 0) {
                    return false;
                }
                String text = new String(bytes, pos, end - pos, StandardCharsets.UTF_8);
                decodedValue = JsonReader.flatten(new JsonReader(text).readValue());
                pos = end;
                return true;
            }
            if (first == 't' || first == 'f' || first == 'n') {
                String word = first == 't' ? "true" : first == 'f' ? "false" : "null";
                if (bytes.length - pos < word.length()
                        || !new String(bytes, pos, word.length(), StandardCharsets.ISO_8859_1).equals(word)) {
                    return false;
                }
                pos += word.length();
                // null leaves the member out, as the text reader does.
                decodedValue = first == 'n' ? null : word;
                valueStart = first == 'n' ? Integer.MIN_VALUE : DECODED;
                return true;
            }
            int start = pos;
            while (pos < bytes.length && isNumberByte(bytes[pos])) {
                pos++;
            }
            valueStart = start;
            valueEnd = pos;
            return pos > start;
        }

        /**
         * Decodes a string with escapes that starts at {@code start}, where the first '"' or '\'
         * is at {@code stop}; leaves {@link #pos} after its closing quote. Null for a malformed one.
         */
        private String readEscaped(int start, int stop) {
            StringBuilder out = new StringBuilder(stop - start + 16);
            int from = start;
            int at = stop;
            while (true) {
                out.append(new String(bytes, from, at - from, StandardCharsets.UTF_8));
                if (bytes[at] == '"') {
                    pos = at + 1;
                    return out.toString();
                }
                if (at + 1 >= bytes.length) {
                    return null;
                }
                byte escaped = bytes[at + 1];
                from = at + 2;
                switch (escaped) {
                    case '"', '\\', '/' -> out.append((char) escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (from + 4 > bytes.length) {
                            return null;
                        }
                        out.append((char) Integer.parseInt(new String(bytes, from, 4, StandardCharsets.ISO_8859_1), 16));
                        from += 4;
                    }
                    default -> {
                        return null;
                    }
                }
                at = ByteScan.indexOfQuoteOrBackslash(bytes, from, bytes.length);
                if (at < 0) {
                    return null;
                }
            }
        }

        /** Just past the array or object at {@code from}, or -1 when it does not end. */
        private int endOfComposite(int from) {
            int depth = 0;
            int at = from;
            while (at < bytes.length) {
                byte b = bytes[at++];
                if (b == '[' || b == '{') {
                    depth++;
                } else if (b == ']' || b == '}') {
                    if (--depth == 0) {
                        return at;
                    }
                } else if (b == '"') {
                    while (at < bytes.length && bytes[at] != '"') {
                        at += bytes[at] == '\\' ? 2 : 1;
                    }
                    at++;
                }
            }
            return -1;
        }

        private void member() {
            if (valueStart == Integer.MIN_VALUE) {
                return;
            }
            if (isName(BODY_BYTES, BODY)) {
                body = decodedValue != null ? decodedValue : new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
                return;
            }
            boolean undefined = decodedValue != null
                    ? HeaderBlock.UNDEFINED.equals(decodedValue)
                    : valueEnd - valueStart == UNDEFINED.length && ByteScan.equals(bytes, valueStart, UNDEFINED, 0, UNDEFINED.length);
            if (undefined || isName(CONTENT_LENGTH, EslFrame.CONTENT_LENGTH)) {
                return;
            }
            if (size * SPAN + SPAN > spans.length) {
                grow();
            }
            int hash = decodedName != null ? NameHash.of(decodedName) : NameHash.of(bytes, nameStart, nameEnd);
            int slot = index.firstSlot(hash);
            for (int position; (position = index.entry(slot)) >= 0; slot = index.nextSlot(slot)) {
                if (sameName(position)) {
                    // First position, last value.
                    setValue(position);
                    return;
                }
            }
            int at = size * SPAN;
            spans[at + NAME_START] = nameStart;
            spans[at + NAME_END] = nameEnd;
            if (decodedName != null) {
                if (decodedNames == null) {
                    decodedNames = new String[spans.length / SPAN];
                }
                decodedNames[size] = decodedName;
            }
            setValue(size);
            index.file(slot, size);
            size++;
        }

        private void setValue(int position) {
            spans[position * SPAN + VALUE_START] = decodedValue != null ? DECODED : valueStart;
            spans[position * SPAN + VALUE_END] = valueEnd;
            if (decodedValue != null) {
                if (decodedValues == null) {
                    decodedValues = new String[spans.length / SPAN];
                }
                decodedValues[position] = decodedValue;
            }
        }

        private boolean isName(byte[] expected, String text) {
            return decodedName != null
                    ? decodedName.equals(text)
                    : nameEnd - nameStart == expected.length && ByteScan.equals(bytes, nameStart, expected, 0, expected.length);
        }

        private boolean sameName(int position) {
            String other = decodedNames == null ? null : decodedNames[position];
            if (decodedName != null || other != null) {
                return decodedName != null && decodedName.equals(other);
            }
            int start = spans[position * SPAN + NAME_START];
            int length = nameEnd - nameStart;
            return spans[position * SPAN + NAME_END] - start == length && ByteScan.equals(bytes, start, bytes, nameStart, length);
        }

        private void grow() {
            spans = Arrays.copyOf(spans, spans.length * 2);
            if (decodedNames != null) {
                decodedNames = Arrays.copyOf(decodedNames, spans.length / SPAN);
            }
            if (decodedValues != null) {
                decodedValues = Arrays.copyOf(decodedValues, spans.length / SPAN);
            }
            index = new NameIndex(spans.length / SPAN);
            for (int i = 0; i < size; i++) {
                index.add(decodedNames != null && decodedNames[i] != null
                        ? NameHash.of(decodedNames[i])
                        : NameHash.of(bytes, spans[i * SPAN + NAME_START], spans[i * SPAN + NAME_END]), i);
            }
        }

        private void skipWhitespace() {
            // Every JSON whitespace byte is at most a space; most bytes here are not whitespace at all.
            while (pos < bytes.length && bytes[pos] <= ' ' && bytes[pos] >= 0 && Character.isWhitespace(bytes[pos])) {
                pos++;
            }
        }

        private boolean take(char expected) {
            if (pos < bytes.length && bytes[pos] == expected) {
                pos++;
                return true;
            }
            return false;
        }

        private static boolean isNumberByte(byte b) {
            return b >= '0' && b <= '9' || b == '+' || b == '-' || b == '.' || b == 'e' || b == 'E';
        }
    }
}
