package com.cloudpbx.freeswitch.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The header names that events of one kind carry, in the order they usually come, learned by a
 * connection from the events themselves. FreeSWITCH serializes the events of one kind (the same
 * first line, e.g. {@code Event-Name: CHANNEL_HANGUP_COMPLETE}) with largely the same names in the
 * same order, so {@link LayoutHeaders} can check that a line starts with the expected
 * {@code Name: } instead of finding and hashing each name, and events can share this one index
 * instead of each building their own.
 *
 * <p>Immutable once built, and so safe to share with the threads the events are handed to. Only
 * ASCII names are learned; an event with another name is read by {@link IndexedHeaders}.
 */
final class HeaderLayout {

    /** A layout grows by the names of events that did not fit it; past this it starts over. */
    static final int MAX_NAMES = 1024;
    private static final int HEAD_WORDS = 4;
    private static final int HEAD_BYTES = HEAD_WORDS * Long.BYTES;

    /** Returned by {@link #lineEnd} when the line does not start with the expected name. */
    static final int OTHER_NAME = -1;
    /** Returned by {@link #lineEnd} when no '\n' ends the line. */
    static final int NO_NEWLINE = -2;

    private final String[] names;
    /** Each name followed by ": ", back to back: to compare a name read from bytes. */
    private final byte[] prefixes;
    private final int[] prefixStarts;
    /**
     * Per slot, the first {@value #HEAD_BYTES} bytes of its {@code Name: } as {@value #HEAD_WORDS}
     * little-endian words, then a mask per word of the bytes that belong to it: confirming a name
     * compares all four words whatever its length, which costs less than the mispredicted branch
     * of a loop that stops where the name does. Longer names compare the rest separately.
     */
    private final long[] heads;
    /** The slot of Content-Length, which frames an event body rather than being a header; or -1. */
    private final int framing;
    /** Slots by {@link NameHash}, to find a name read from bytes. */
    private final NameIndex byBytes;
    /** Slots by {@link String#hashCode}, to find a name asked for. */
    private final NameIndex byString;

    private HeaderLayout(String[] names) {
        this.names = names;
        int total = 0;
        for (String name : names) {
            total += name.length() + 2;
        }
        prefixes = new byte[total + HEAD_BYTES];
        prefixStarts = new int[names.length + 1];
        heads = new long[names.length * 2 * HEAD_WORDS];
        int at = 0;
        int framingSlot = -1;
        for (int slot = 0; slot < names.length; slot++) {
            prefixStarts[slot] = at;
            byte[] name = names[slot].getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(name, 0, prefixes, at, name.length);
            prefixes[at + name.length] = ':';
            prefixes[at + name.length + 1] = ' ';
            int length = name.length + 2;
            for (int i = 0; i < HEAD_WORDS; i++) {
                int bytesInWord = Math.max(0, Math.min(Long.BYTES, length - i * Long.BYTES));
                long mask = bytesInWord == Long.BYTES ? -1L : (1L << (bytesInWord * 8)) - 1;
                heads[slot * 2 * HEAD_WORDS + i] = ByteScan.word(prefixes, at + i * Long.BYTES) & mask;
                heads[slot * 2 * HEAD_WORDS + HEAD_WORDS + i] = mask;
            }
            at += length;
            if (names[slot].equals(EslFrame.CONTENT_LENGTH)) {
                framingSlot = slot;
            }
        }
        prefixStarts[names.length] = at;
        framing = framingSlot;
        byBytes = new NameIndex(names.length);
        byString = new NameIndex(names.length);
        for (int slot = 0; slot < names.length; slot++) {
            byBytes.add(NameHash.of(names[slot]), slot);
            byString.add(spread(names[slot].hashCode()), slot);
        }
    }

    /**
     * The names of the lines of {@code bytes} in their order, then those of {@code previous} this
     * event did not have (so that events of both shapes fit), or null when no line has an ASCII name.
     */
    static HeaderLayout learn(byte[] bytes, HeaderLayout previous) {
        Set<String> names = new LinkedHashSet<>();
        int to = bytes.length;
        int line = 0;
        while (line < to && !(bytes[line] == '\n' && line > 0)) {
            long nameEnd = PlainLines.nameEnd(bytes, line, to);
            int colon = PlainLines.position(nameEnd);
            if (colon == to) {
                break;
            }
            int end = bytes[colon] == '\n' ? colon : ByteScan.indexOf(bytes, colon + 1, to, (byte) '\n');
            if (colon > line && bytes[colon] == ':' && !PlainLines.nonAscii(nameEnd)) {
                names.add(new String(bytes, line, colon - line, StandardCharsets.ISO_8859_1));
            }
            if (end < 0) {
                break;
            }
            line = end + 1;
        }
        if (previous != null && names.size() + previous.names.length <= MAX_NAMES) {
            names.addAll(Arrays.asList(previous.names));
        }
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            return null;
        }
        return new HeaderLayout(names.toArray(String[]::new));
    }

    int size() {
        return names.length;
    }

    String name(int slot) {
        return names[slot];
    }

    /** The slot of Content-Length, which frames an event body rather than being a header; or -1. */
    int framing() {
        return framing;
    }

    /** Length of the {@code Name: } that starts the line of the slot's header. */
    int prefixLength(int slot) {
        return prefixStarts[slot + 1] - prefixStarts[slot];
    }

    /**
     * If the line at {@code line} starts with the slot's {@code Name: }: the index of the '\n' that
     * ends it, or {@link #NO_NEWLINE}; otherwise {@link #OTHER_NAME}.
     */
    int lineEnd(int slot, byte[] bytes, int line) {
        if (line > bytes.length - HEAD_BYTES) {
            return lineEndNearTheEnd(slot, bytes, line);
        }
        int head = slot * 2 * HEAD_WORDS;
        long differing = ((ByteScan.word(bytes, line) ^ heads[head]) & heads[head + 4])
                | ((ByteScan.word(bytes, line + 8) ^ heads[head + 1]) & heads[head + 5])
                | ((ByteScan.word(bytes, line + 16) ^ heads[head + 2]) & heads[head + 6])
                | ((ByteScan.word(bytes, line + 24) ^ heads[head + 3]) & heads[head + 7]);
        if (differing != 0) {
            return OTHER_NAME;
        }
        int prefix = prefixStarts[slot];
        int length = prefixStarts[slot + 1] - prefix;
        if (length > HEAD_BYTES && (line > bytes.length - length
                || !ByteScan.equals(bytes, line + HEAD_BYTES, prefixes, prefix + HEAD_BYTES, length - HEAD_BYTES))) {
            return OTHER_NAME;
        }
        int end = ByteScan.indexOf(bytes, line + length, bytes.length, (byte) '\n');
        return end < 0 ? NO_NEWLINE : end;
    }

    /** {@link #lineEnd} where the words of the name would reach past the array. */
    private int lineEndNearTheEnd(int slot, byte[] bytes, int line) {
        int prefix = prefixStarts[slot];
        int length = prefixStarts[slot + 1] - prefix;
        if (line > bytes.length - length || !ByteScan.equals(bytes, line, prefixes, prefix, length)) {
            return OTHER_NAME;
        }
        int end = ByteScan.indexOf(bytes, line + length, bytes.length, (byte) '\n');
        return end < 0 ? NO_NEWLINE : end;
    }

    /** The slot of the ASCII name {@code bytes[start, end)}, or -1. */
    int slotOf(byte[] bytes, int start, int end) {
        for (int at = byBytes.firstSlot(NameHash.of(bytes, start, end)); ; at = byBytes.nextSlot(at)) {
            int slot = byBytes.entry(at);
            if (slot < 0) {
                return -1;
            }
            int prefix = prefixStarts[slot];
            int length = prefixStarts[slot + 1] - prefix - 2;
            if (length == end - start && ByteScan.equals(bytes, start, prefixes, prefix, length)) {
                return slot;
            }
        }
    }

    /** The slot of {@code name}, or -1. */
    int slotOf(String name) {
        for (int at = byString.firstSlot(spread(name.hashCode())); ; at = byString.nextSlot(at)) {
            int slot = byString.entry(at);
            if (slot < 0 || names[slot].equals(name)) {
                return slot;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
