package com.cloudpbx.freeswitch.esl.codec;

/**
 * The hash by which event headers index their names, computed alike from a name's ASCII bytes and
 * from a {@link String}: its length and the last eight and middle eight characters, taken a word at
 * a time. Header names share long prefixes (variable_, Caller-) and differ near their ends or in
 * length; hashing ~230 full names per event would cost more than finding them.
 */
final class NameHash {

    private static final long LAST = 0x9E3779B97F4A7C15L;
    private static final long MIDDLE = 0xC2B2AE3D27D4EB4FL;

    private NameHash() {
    }

    static int of(String name) {
        int length = name.length();
        if (length < Long.BYTES) {
            return mix(word(name, 0, length), 0, length);
        }
        return mix(word(name, length - Long.BYTES, Long.BYTES), word(name, length / 2 - Long.BYTES / 2, Long.BYTES), length);
    }

    /** The hash of the ASCII name {@code bytes[start, end)}. */
    static int of(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length >= Long.BYTES) {
            long middle = ByteScan.word(bytes, start + length / 2 - Long.BYTES / 2);
            return mix(ByteScan.word(bytes, end - Long.BYTES), middle, length);
        }
        if (start <= bytes.length - Long.BYTES) {
            return mix(ByteScan.word(bytes, start) & ((1L << (length << 3)) - 1), 0, length);
        }
        long word = 0;
        for (int i = 0; i < length; i++) {
            word |= (long) (bytes[start + i] & 0xff) << (i << 3);
        }
        return mix(word, 0, length);
    }

    private static long word(String name, int from, int count) {
        long word = 0;
        for (int i = 0; i < count; i++) {
            word |= (long) (name.charAt(from + i) & 0xff) << (i << 3);
        }
        return word;
    }

    /** The high half of a multiplicative hash: the bits every input bit reaches. */
    private static int mix(long last, long middle, int length) {
        return (int) (((last + length) * LAST + middle * MIDDLE) >>> 32);
    }
}
