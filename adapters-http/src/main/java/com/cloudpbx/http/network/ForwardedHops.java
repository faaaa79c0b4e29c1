package com.cloudpbx.http.network;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the hops proxies recorded in {@code Forwarded} (RFC 7239) or {@code X-Forwarded-For}, left to right. */
final class ForwardedHops {

    private ForwardedHops() {
    }

    /** The {@code for=} hops of {@code Forwarded} header lines. */
    static List<String> ofForwarded(List<String> forwarded) {
        List<String> hops = new ArrayList<>();
        for (String value : forwarded) {
            for (String element : split(value, ',')) {
                hops.add(forParameter(element));
            }
        }
        return hops;
    }

    /** The hops of {@code X-Forwarded-For} header lines. */
    static List<String> ofXForwardedFor(List<String> xForwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String value : xForwardedFor) {
            for (String hop : value.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /**
     * The address a hop names: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1},
     * {@code "[2001:db8::1]:4711"}. Empty for {@code unknown}, obfuscated names, host names (never
     * looked up) and anything else.
     */
    static Optional<InetAddress> address(String hop) {
        String value = unquote(hop.strip());
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close < 0 ? "" : value.substring(1, close);
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':'));
        }
        return IpLiterals.parse(value);
    }

    /** The value of {@code for=} in one element ({@code for=192.0.2.60;proto=http;by=203.0.113.43}), or "". */
    private static String forParameter(String element) {
        for (String pair : split(element, ';')) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                return pair.substring(equals + 1).strip();
            }
        }
        return "";
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
