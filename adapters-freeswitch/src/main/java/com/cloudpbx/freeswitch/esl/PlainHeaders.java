package com.cloudpbx.freeswitch.esl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The headers of a text/event-plain event, read without copying each one out. Parsing records where
 * every name and value sits in the decoded header block and indexes the names; a value is
 * percent-decoded the first time it is read. A channel event carries ~200 headers of which a
 * consumer reads a handful, and allocating ~400 strings per event would make decoding, not the
 * socket, the limit on how many events a connection can take (FreeSWITCH drops a consumer that
 * falls behind).
 *
 * <p>Unmodifiable and insertion-ordered; a repeated name keeps its first position and last value.
 * Safe to share between threads: the lazily filled caches only ever receive equal immutable strings.
 */
final class PlainHeaders extends AbstractMap<String, String> {

    private static final int NAME_START = 0;
    private static final int NAME_END = 1;
    private static final int VALUE_START = 2;
    private static final int VALUE_END = 3;
    private static final int SPAN = 4;

    private final String text;
    private final int[] spans;
    private final int size;
    /** Header number + 1 per slot, 0 for empty; kept at most half full. */
    private final int[] index;
    private final String[] values;
    private final String[] names;
    private final String contentLength;

    private PlainHeaders(String text, int[] spans, int size, int[] index, String contentLength) {
        this.text = text;
        this.spans = spans;
        this.size = size;
        this.index = index;
        this.values = new String[size];
        this.names = new String[size];
        this.contentLength = contentLength;
    }

    /**
     * Reads the {@code Name: value} lines of {@code text[0, length)} (all of it when length is -1). Values equal to {@code _undef_} are
     * left out; a {@code Content-Length} line is kept apart (it frames the event body).
     */
    static PlainHeaders parse(String text, int length) {
        if (length < 0) {
            length = text.length();
        }
        int[] spans = new int[Math.max(16, length / 40 * SPAN)];
        int[] index = new int[tableSize(spans.length / SPAN)];
        int size = 0;
        String contentLength = null;
        int line = 0;
        while (line < length) {
            int end = text.indexOf('\n', line);
            if (end < 0) {
                end = length;
            }
            int colon = text.indexOf(':', line, end);
            if (colon > line) {
                int valueStart = colon + 1;
                int valueEnd = end > valueStart && text.charAt(end - 1) == '\r' ? end - 1 : end;
                if (valueStart < valueEnd && text.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                if (isUndefined(text, valueStart, valueEnd)) {
                    line = end + 1;
                    continue;
                }
                if (text.startsWith(EslFrame.CONTENT_LENGTH, line) && colon - line == EslFrame.CONTENT_LENGTH.length()) {
                    contentLength = text.substring(valueStart, valueEnd);
                    line = end + 1;
                    continue;
                }
                int hash = hash(text, line, colon);
                int existing = find(text, spans, index, hash, text, line, colon - line);
                if (existing >= 0) {
                    spans[existing * SPAN + VALUE_START] = valueStart;
                    spans[existing * SPAN + VALUE_END] = valueEnd;
                } else {
                    if ((size + 1) * SPAN > spans.length) {
                        spans = Arrays.copyOf(spans, spans.length * 2);
                        index = rebuild(text, spans, size, tableSize(spans.length / SPAN));
                    }
                    int at = size * SPAN;
                    spans[at + NAME_START] = line;
                    spans[at + NAME_END] = colon;
                    spans[at + VALUE_START] = valueStart;
                    spans[at + VALUE_END] = valueEnd;
                    size++;
                    insert(index, hash, size);
                }
            }
            line = end + 1;
        }
        return new PlainHeaders(text, spans, size, index, contentLength);
    }

    /** The Content-Length line of the event itself, or null when it has no body. */
    String contentLength() {
        return contentLength;
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
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> entry = new AbstractMap.SimpleImmutableEntry<>(name(next), value(next));
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int position(String name) {
        return find(text, spans, index, hash(name, 0, name.length()), name, 0, name.length());
    }

    private String name(int position) {
        String name = names[position];
        if (name == null) {
            name = text.substring(spans[position * SPAN + NAME_START], spans[position * SPAN + NAME_END]);
            names[position] = name;
        }
        return name;
    }

    private String value(int position) {
        String value = values[position];
        if (value == null) {
            int start = spans[position * SPAN + VALUE_START];
            int end = spans[position * SPAN + VALUE_END];
            value = text.indexOf('%', start, end) >= 0 ? percentDecode(text, start, end) : text.substring(start, end);
            values[position] = value;
        }
        return value;
    }

    /**
     * A hash of a few characters of the name rather than all of them: header names share long
     * prefixes (variable_, Caller-) but differ in length or near their ends, and probing settles
     * the rare collision. Hashing ~200 full names per event would cost more than the scan itself.
     */
    private static int hash(String text, int start, int end) {
        int length = end - start;
        if (length == 0) {
            return 0;
        }
        int hash = length;
        hash = 31 * hash + text.charAt(end - 1);
        hash = 31 * hash + text.charAt(start + length / 2);
        hash = 31 * hash + text.charAt(start + (length * 3) / 4);
        hash = 31 * hash + text.charAt(start + length / 4);
        return hash;
    }

    /** Header number of the name {@code wanted[offset, offset + length)}, or -1. */
    private static int find(String text, int[] spans, int[] index, int hash, String wanted, int offset, int length) {
        int mask = index.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = index[slot];
            if (entry == 0) {
                return -1;
            }
            int at = (entry - 1) * SPAN;
            int nameStart = spans[at + NAME_START];
            if (spans[at + NAME_END] - nameStart == length && text.regionMatches(nameStart, wanted, offset, length)) {
                return entry - 1;
            }
        }
    }

    private static int[] rebuild(String text, int[] spans, int size, int tableSize) {
        int[] index = new int[tableSize];
        for (int i = 0; i < size; i++) {
            insert(index, hash(text, spans[i * SPAN + NAME_START], spans[i * SPAN + NAME_END]), i + 1);
        }
        return index;
    }

    private static void insert(int[] index, int hash, int entry) {
        int mask = index.length - 1;
        int slot = spread(hash) & mask;
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = entry;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static int tableSize(int capacity) {
        return Integer.highestOneBit(Math.max(8, capacity) * 2 - 1) << 1;
    }

    private static boolean isUndefined(String text, int start, int end) {
        return end - start == HeaderBlock.UNDEFINED.length() && text.startsWith(HeaderBlock.UNDEFINED, start);
    }

    /**
     * Decodes {@code %XX} escapes the way switch_url_decode does: a {@code +} stays a plus (FreeSWITCH
     * encodes a space as {@code %20} and a plus as {@code %2B}), and a {@code %} not followed by two hex
     * digits is kept literally. Escaped bytes are UTF-8.
     */
    static String percentDecode(String text, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < to) {
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    out.write((high << 4) | low);
                    i += 2;
                    continue;
                }
            }
            if (c < 0x80) {
                out.write(c);
            } else {
                int next = i + 1;
                while (next < to && text.charAt(next) >= 0x80) {
                    next++;
                }
                out.writeBytes(text.substring(i, next).getBytes(StandardCharsets.UTF_8));
                i = next - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
