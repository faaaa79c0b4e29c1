package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of a trunk's fields, shared by create and update. */
final class TrunkFields {

    static final List<String> DEFAULT_CODECS = List.of("PCMU", "PCMA");
    static final String DEFAULT_TRANSPORT = "udp";
    static final int DEFAULT_MAX_CHANNELS = 30;
    static final int MAX_CODECS = 16;

    private static final Set<String> TRANSPORTS = Set.of("udp", "tcp", "tls");
    private static final Pattern CODEC = Pattern.compile("^[A-Za-z0-9._-]{1,32}$");
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern HOST = Pattern.compile("^" + LABEL + "(?:\\." + LABEL + ")*$");
    private static final Pattern IPV6 = Pattern.compile("^\\[[0-9A-Fa-f:.]{2,45}]$");
    /** What goes into the media server's XML and SIP headers as is: printable, no quotes or markup. */
    private static final Pattern CREDENTIAL = Pattern.compile("^[\\x21-\\x7E&&[^\"'<>&]]{1,128}$");

    private TrunkFields() {
    }

    static String name(String value) {
        return Checks.requireText(value, "name", 100);
    }

    static String provider(String value) {
        return value == null || value.isBlank() ? null : Checks.requireText(value, "provider", 100);
    }

    /** host[:port]: a DNS name, an IPv4 address or a bracketed IPv6 one, and a port 1-65535. */
    static String proxy(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("proxy", "is required");
        }
        String proxy = value.strip();
        String host = proxy;
        int colon = proxy.lastIndexOf(':');
        if (colon > 0 && proxy.indexOf(']') < colon) {
            host = proxy.substring(0, colon);
            String port = proxy.substring(colon + 1);
            if (!port.matches("^\\d{1,5}$") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw DomainException.invalid("proxy", "must be host or host:port with a port from 1 to 65535");
            }
        }
        if (proxy.length() > 253 || !(HOST.matcher(host).matches() || IPV6.matcher(host).matches())) {
            throw DomainException.invalid("proxy", "must be host or host:port, e.g. sip.carrier.example:5060");
        }
        return proxy;
    }

    static String username(String value) {
        return credential(value, "username");
    }

    static String password(String value) {
        return credential(value, "password");
    }

    static String transport(String value) {
        if (value == null) {
            throw DomainException.invalid("transport", "must be udp, tcp or tls");
        }
        String transport = value.strip().toLowerCase(Locale.ROOT);
        if (!TRANSPORTS.contains(transport)) {
            throw DomainException.invalid("transport", "must be udp, tcp or tls");
        }
        return transport;
    }

    static List<String> codecs(List<String> value) {
        if (value == null || value.isEmpty()) {
            throw DomainException.invalid("codecs", "must name at least one codec");
        }
        if (value.size() > MAX_CODECS) {
            throw DomainException.invalid("codecs", "must name at most " + MAX_CODECS + " codecs");
        }
        List<String> codecs = new ArrayList<>();
        for (String codec : value) {
            if (codec == null || !CODEC.matcher(codec).matches()) {
                throw DomainException.invalid("codecs", "each codec is 1-32 letters, digits, '.', '_' or '-'");
            }
            codecs.add(codec);
        }
        return List.copyOf(codecs);
    }

    static int maxChannels(Integer value) {
        if (value == null || value < 1 || value > 10_000) {
            throw DomainException.invalid("maxChannels", "must be from 1 to 10000");
        }
        return value;
    }

    static boolean active(String value) {
        if (value == null) {
            throw DomainException.invalid("status", "must be active or inactive");
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "active" -> true;
            case "inactive" -> false;
            default -> throw DomainException.invalid("status", "must be active or inactive");
        };
    }

    static boolean register(Boolean value) {
        if (value == null) {
            throw DomainException.invalid("register", "must be true or false");
        }
        return value;
    }

    private static String credential(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!CREDENTIAL.matcher(value).matches()) {
            throw DomainException.invalid(field,
                    "must be 1-128 printable characters without spaces, quotes, '<', '>' or '&'");
        }
        return value;
    }
}
