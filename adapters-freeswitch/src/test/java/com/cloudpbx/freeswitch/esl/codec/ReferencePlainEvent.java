package com.cloudpbx.freeswitch.esl.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plain event rules written the simplest way, on a decoded string and a LinkedHashMap, to check
 * the byte-level readers against: url-encoded {@code Name: value} lines up to the first blank line,
 * the name up to the first ':', one space and a trailing '\r' not part of the value, {@code _undef_}
 * absent, Content-Length kept apart, a repeated name in its first position with its last value.
 */
record ReferencePlainEvent(Map<String, String> headers, String contentLength, String body) {

    static ReferencePlainEvent of(byte[] serialized) {
        int blank = blankLine(serialized);
        String headerText = new String(serialized, 0, blank < 0 ? serialized.length : blank, StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        String contentLength = null;
        for (String line : headerText.split("\n", -1)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            int valueEnd = line.length() > colon + 1 && line.endsWith("\r") ? line.length() - 1 : line.length();
            int valueStart = colon + 1 < valueEnd && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
            String name = line.substring(0, colon);
            String raw = line.substring(valueStart, valueEnd);
            if (raw.equals("_undef_")) {
                continue;
            }
            if (name.equals("Content-Length")) {
                contentLength = raw;
                continue;
            }
            headers.put(name, percentDecode(raw));
        }
        String body = "";
        if (contentLength != null && blank >= 0) {
            int start = blank + 2;
            int length = Math.max(0, Math.min(Integer.parseInt(contentLength.trim()), serialized.length - start));
            body = new String(serialized, start, length, StandardCharsets.UTF_8);
        }
        return new ReferencePlainEvent(headers, contentLength, body);
    }

    private static int blankLine(byte[] bytes) {
        for (int i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** switch_url_decode: %XX to a byte (UTF-8 in the end), anything else as it is. */
    static String percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
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
                // A run of non-ASCII characters at once, so that surrogate pairs stay whole.
                int next = i + 1;
                while (next < text.length() && text.charAt(next) >= 0x80) {
                    next++;
                }
                out.writeBytes(text.substring(i, next).getBytes(StandardCharsets.UTF_8));
                i = next - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
