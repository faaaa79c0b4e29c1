package com.cloudpbx.freeswitch.esl.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code %XX} escapes the way switch_url_decode does: a {@code +} stays a plus (FreeSWITCH
 * encodes a space as {@code %20} and a plus as {@code %2B}), and a {@code %} not followed by two hex
 * digits is kept literally. Escaped bytes are UTF-8.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** The text of {@code bytes[from, to)}, url-encoded ASCII as FreeSWITCH writes it or raw UTF-8. */
    static String decode(byte[] bytes, int from, int to) {
        if (ByteScan.isPlainAscii(bytes, from, to, (byte) '%')) {
            // Most values (UUIDs, numbers, names of things) need no decoding at all.
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (!ByteScan.isAscii(bytes, from, to)) {
            // Raw UTF-8 from a peer that does not encode it: decode characters, then escapes.
            String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
            return decode(text, 0, text.length());
        }
        byte[] out = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '%' && i + 2 < to) {
                int high = hexDigit(bytes[i + 1]);
                int low = hexDigit(bytes[i + 2]);
                if (high >= 0 && low >= 0) {
                    out[length++] = (byte) ((high << 4) | low);
                    i += 2;
                    continue;
                }
            }
            out[length++] = b;
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    /** The same decoding of {@code text[from, to)}, for characters that are already decoded UTF-8. */
    static String decode(String text, int from, int to) {
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

    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
