package com.cloudpbx.http.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads IP address literals only: dotted-quad IPv4 and IPv6. {@link InetAddress#getByName} alone
 * would also take short forms ({@code 127.1} for 127.0.0.1) and, for anything else that is not an
 * IPv6 literal, query DNS; both are wrong for text a client or an operator wrote.
 */
final class IpLiterals {

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    private IpLiterals() {
    }

    static Optional<InetAddress> parse(String text) {
        boolean ipv6 = text.indexOf(':') >= 0;
        if (!(ipv6 ? IPV6 : DOTTED_QUAD).matcher(text).matches() || !ipv6 && !octets(text)) {
            return Optional.empty();
        }
        try {
            // Never a DNS query here: a dotted quad is read as IPv4, a text with ':' only as IPv6.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** A quad with a part over 255 is no IPv4 literal, and InetAddress would look it up as a name. */
    private static boolean octets(String quad) {
        for (String part : quad.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
