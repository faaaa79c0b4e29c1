package com.cloudpbx.http.observability;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes a flat JSON object on one line. Hand-written rather than going through the JSON mapper
 * so the field order is fixed and logging never depends on bean introspection.
 */
final class JsonLine {

    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean first = true;

    JsonLine field(String name, @Nullable String value) {
        key(name);
        out.append(value == null ? "null" : quote(value));
        return this;
    }

    JsonLine field(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    JsonLine field(String name, double value) {
        key(name);
        out.append(formatMillis(value));
        return this;
    }

    String end() {
        return out.append('}').toString();
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        out.append(quote(name)).append(':');
    }

    static String formatMillis(double millis) {
        return BigDecimal.valueOf(millis).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
