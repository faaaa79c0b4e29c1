package com.cloudpbx.freeswitch.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The {@code Name: value} lines of a frame's header block (an event's own headers: {@link PlainHeaders}). */
final class HeaderBlock {

    /** What FreeSWITCH writes for a header whose value was never set. */
    static final String UNDEFINED = "_undef_";

    /** Names every frame repeats; they are used as they are instead of decoding a copy each time. */
    private static final List<String> KNOWN_NAMES = List.of(
            EslFrame.CONTENT_LENGTH, EslFrame.CONTENT_TYPE, "Reply-Text", "Job-UUID");
    private static final List<String> KNOWN_TYPES = List.of(
            EslFrame.EVENT_PLAIN, EslFrame.EVENT_JSON, EslFrame.COMMAND_REPLY, EslFrame.API_RESPONSE,
            EslFrame.AUTH_REQUEST, EslFrame.DISCONNECT_NOTICE, EslFrame.RUDE_REJECTION);

    private HeaderBlock() {
    }

    /** Adds the lines of {@code [from, to)} to {@code target}; frame headers are not url-encoded. */
    static void parse(byte[] bytes, int from, int to, Map<String, String> target) {
        int line = from;
        while (line < to) {
            int end = ByteScan.indexOf(bytes, line, to, (byte) '\n');
            if (end < 0) {
                end = to;
            }
            int colon = ByteScan.indexOf(bytes, line, end, (byte) ':');
            if (colon > line) {
                int valueStart = colon + 1;
                int valueEnd = end > valueStart && bytes[end - 1] == '\r' ? end - 1 : end;
                if (valueStart < valueEnd && bytes[valueStart] == ' ') {
                    valueStart++;
                }
                String name = text(bytes, line, colon, KNOWN_NAMES);
                List<String> knownValues = name.equals(EslFrame.CONTENT_TYPE) ? KNOWN_TYPES : List.of();
                target.put(name, text(bytes, valueStart, valueEnd, knownValues));
            }
            line = end + 1;
        }
    }

    /** {@code bytes[from, to)} as UTF-8, or the one of {@code known} (all ASCII) that it spells. */
    private static String text(byte[] bytes, int from, int to, List<String> known) {
        for (String candidate : known) {
            if (spells(bytes, from, to, candidate)) {
                return candidate;
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private static boolean spells(byte[] bytes, int from, int to, String ascii) {
        if (to - from != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
