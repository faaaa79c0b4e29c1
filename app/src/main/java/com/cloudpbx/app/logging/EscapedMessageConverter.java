package com.cloudpbx.app.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %escapedMsg} in the text log patterns: the message with line breaks and other control
 * characters written as escapes, so that a caller id, dialled number, user agent or any other
 * text a caller controls cannot start a forged log line or rewrite the terminal. Applied to every
 * message, it protects log statements written later too. (The JSON format escapes the same
 * characters, see {@link ControlCharacterEscapes}.)
 */
public final class EscapedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escape(event.getFormattedMessage());
    }

    /** The text with CR, LF, tab and every other control or line-separator character escaped. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(EscapedMessageConverter::needsEscape)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    static boolean needsEscape(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
