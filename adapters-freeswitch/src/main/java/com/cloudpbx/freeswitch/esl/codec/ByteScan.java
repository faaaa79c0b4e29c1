package com.cloudpbx.freeswitch.esl.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches in byte arrays eight bytes at a time. An event is ~10 KB of short lines, and looking at
 * it a byte at a time is what made the line scan cost more than everything else in decoding; the
 * JDK's vectorized searches only exist for strings, and building a string of the whole event first
 * would copy it once more.
 *
 * <p>Each word is read little-endian, so the lowest flagged byte is the first match. The flag test
 * ({@code (x - 0x01..) & ~x & 0x80..}) can also flag a byte just above a true match, never one
 * below it, so the lowest flag is exact.
 */
final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';
    private static final long COLONS = ONES * ':';
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';

    private ByteScan() {
    }

    /** Index of the first {@code target} in {@code bytes[from, to)}, or -1. */
    static int indexOf(byte[] bytes, int from, int to, byte target) {
        long pattern = ONES * (target & 0xff);
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long found = zeroBytes(word(bytes, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code a[aFrom, aFrom + length)} equals {@code b[bFrom, bFrom + length)}, both in range.
     * For the short runs compared here this beats {@link java.util.Arrays#equals(byte[], int, int,
     * byte[], int, int)}, whose range checks and call into the vectorized mismatch cost more than
     * the comparison.
     */
    static boolean equals(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        int i = 0;
        for (; i <= length - Long.BYTES; i += Long.BYTES) {
            if (word(a, aFrom + i) != word(b, bFrom + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (a[aFrom + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes[start, end)} spell {@code name}, one byte per character (header names are ASCII). */
    static boolean isName(byte[] bytes, int start, int end, String name) {
        int length = end - start;
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first '"' or '\\' in {@code bytes[from, to)}, or -1: where a JSON string ends or needs unescaping. */
    static int indexOfQuoteOrBackslash(byte[] bytes, int from, int to) {
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = word(bytes, i);
            long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '"' || bytes[i] == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code bytes[from, to)} holds only ASCII. */
    static boolean isAscii(byte[] bytes, int from, int to) {
        int i = from;
        long seen = 0;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            seen |= word(bytes, i);
        }
        if ((seen & HIGHS) != 0) {
            return false;
        }
        for (; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes[from, to)} holds only ASCII and no {@code special} byte: text that reads as is. */
    static boolean isPlainAscii(byte[] bytes, int from, int to, byte special) {
        long pattern = ONES * (special & 0xff);
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = word(bytes, i);
            if (((word | zeroBytes(word ^ pattern)) & HIGHS) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b < 0 || b == special) {
                return false;
            }
        }
        return true;
    }

    /** The eight bytes at {@code index}, the first one lowest. */
    static long word(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    /** Flags the ':' and '\n' bytes of a word; the lowest flag is exact. */
    static long colonsOrNewlines(long word) {
        return zeroBytes(word ^ COLONS) | zeroBytes(word ^ NEWLINES);
    }

    /** Whether a byte flagged in {@code bytes} (as {@code 0x80} or any high bit) is set. */
    static boolean anyHigh(long bytes) {
        return (bytes & HIGHS) != 0;
    }

    /** Flags (0x80) the zero bytes of {@code x}; the lowest flag is always a true zero. */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
