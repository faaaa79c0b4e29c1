package com.cloudpbx.freeswitch.esl;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The {@code Name: value} lines of a frame's header block (an event's own headers: {@link PlainHeaders}). */
final class HeaderBlock {

    /** What FreeSWITCH writes for a header whose value was never set. */
    static final String UNDEFINED = "_undef_";

    private HeaderBlock() {
    }

    /** Index of the first {@code \n} of the first {@code \n\n} in {@code [from, to)}, or -1. */
    static int blankLine(byte[] bytes, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Adds the lines of {@code [from, to)} to {@code target}; frame headers are not url-encoded. */
    static void parse(byte[] bytes, int from, int to, Map<String, String> target) {
        String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        int line = 0;
        while (line < text.length()) {
            int end = text.indexOf('\n', line);
            if (end < 0) {
                end = text.length();
            }
            int colon = text.indexOf(':', line, end);
            if (colon > line) {
                int valueStart = colon + 1;
                int valueEnd = end > valueStart && text.charAt(end - 1) == '\r' ? end - 1 : end;
                if (valueStart < valueEnd && text.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                target.put(text.substring(line, colon), text.substring(valueStart, valueEnd));
            }
            line = end + 1;
        }
    }
}
