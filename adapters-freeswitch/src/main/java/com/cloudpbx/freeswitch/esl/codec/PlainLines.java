package com.cloudpbx.freeswitch.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The rules of one {@code Name: value} line of a plain event, shared by both ways of reading one:
 * the name runs to the first ':', one space after it is not part of the value, a '\r' before the
 * '\n' is not either, and {@code _undef_} is FreeSWITCH's way of saying the header has no value.
 */
final class PlainLines {

    private static final byte[] CONTENT_LENGTH = EslFrame.CONTENT_LENGTH.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNDEFINED = HeaderBlock.UNDEFINED.getBytes(StandardCharsets.US_ASCII);
    private static final int UNDEFINED_LENGTH = UNDEFINED.length;
    /** From the ':' to the '\n' of an {@code _undef_} line: the colon, the value, maybe a space and a '\r'. */
    private static final int SHORTEST_UNDEFINED_LINE = 1 + UNDEFINED_LENGTH;
    private static final int UNDEFINED_LINE_SLACK = 2;
    private static final long UNDEFINED_MASK = (1L << (UNDEFINED_LENGTH * 8)) - 1;
    private static final long UNDEFINED_WORD = ByteScan.word(Arrays.copyOf(UNDEFINED, Long.BYTES), 0);
    private static final long NON_ASCII = 1L << 32;

    private PlainLines() {
    }

    /**
     * Finds the ':' or '\n' that ends the name of the line at {@code from} ({@code to} when neither
     * comes) and notes on the way whether the name holds bytes outside ASCII; both are packed into
     * the result, read them with {@link #position} and {@link #nonAscii}.
     */
    static long nameEnd(byte[] bytes, int from, int to) {
        long seen = 0;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = ByteScan.word(bytes, i);
            long found = ByteScan.colonsOrNewlines(word);
            if (found != 0) {
                int before = Long.numberOfTrailingZeros(found) >>> 3;
                seen |= word & ((1L << (before << 3)) - 1);
                return pack(i + before, seen);
            }
            seen |= word;
        }
        for (; i < to && bytes[i] != ':' && bytes[i] != '\n'; i++) {
            seen |= bytes[i];
        }
        return pack(i, seen);
    }

    static int position(long nameEnd) {
        return (int) nameEnd;
    }

    static boolean nonAscii(long nameEnd) {
        return (nameEnd & NON_ASCII) != 0;
    }

    /** Where the value of a line ends: before its '\n', and before a '\r' that precedes it. */
    static int valueEnd(byte[] bytes, int colon, int lineEnd) {
        return lineEnd > colon + 1 && bytes[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    }

    /** After the colon and the one space that follows it, if any. */
    static int valueStart(byte[] bytes, int colon, int valueEnd) {
        int start = colon + 1;
        return start < valueEnd && bytes[start] == ' ' ? start + 1 : start;
    }

    /** The decoded value of the line whose name ends at {@code colon}. */
    static String value(byte[] bytes, int colon) {
        int lineEnd = ByteScan.indexOf(bytes, colon + 1, bytes.length, (byte) '\n');
        int valueEnd = valueEnd(bytes, colon, lineEnd < 0 ? bytes.length : lineEnd);
        return PercentDecoding.decode(bytes, valueStart(bytes, colon, valueEnd), valueEnd);
    }

    /**
     * Whether the line whose name ends at {@code colon} and that ends at {@code lineEnd} is short
     * enough to hold {@code _undef_}: a cheap test that leaves few lines to {@link #isUndefined}.
     */
    static boolean mayBeUndefined(int colon, int lineEnd) {
        return Integer.compareUnsigned(lineEnd - colon - SHORTEST_UNDEFINED_LINE, UNDEFINED_LINE_SLACK) <= 0;
    }

    static boolean isUndefined(byte[] bytes, int valueStart, int valueEnd) {
        if (valueEnd - valueStart != UNDEFINED_LENGTH) {
            return false;
        }
        // A value is followed by its line's '\n' or more: the word that holds it is in the array.
        if (valueStart <= bytes.length - Long.BYTES) {
            return (ByteScan.word(bytes, valueStart) & UNDEFINED_MASK) == UNDEFINED_WORD;
        }
        return ByteScan.equals(bytes, valueStart, UNDEFINED, 0, UNDEFINED_LENGTH);
    }

    static boolean isContentLength(byte[] bytes, int nameStart, int nameEnd) {
        return nameEnd - nameStart == CONTENT_LENGTH.length
                && ByteScan.equals(bytes, nameStart, CONTENT_LENGTH, 0, CONTENT_LENGTH.length);
    }

    private static long pack(int position, long seen) {
        return ByteScan.anyHigh(seen) ? NON_ASCII | position : position;
    }
}
