package com.cloudpbx.http.xmlcurl;

import com.cloudpbx.http.network.AddressRange;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may ask for directory and dialplan XML: a client from an allowed address that presents the
 * shared secret, either as the password of HTTP basic auth (what mod_xml_curl's
 * {@code gateway-credentials} sends) or in an {@code X-XmlCurl-Secret} header. Without a secret
 * the routes are off: the directory answers hashes that authenticate phones, so it is never open.
 * Kept apart from HTTP so the decision can be tested without a network.
 */
record XmlCurlAccess(Optional<String> secret, List<AddressRange> allowed) {

    enum Verdict {
        DISABLED,
        REFUSED,
        ALLOWED
    }

    static final List<AddressRange> LOOPBACK = List.of(AddressRange.parse("127.0.0.0/8"), AddressRange.parse("::1"));

    XmlCurlAccess {
        Objects.requireNonNull(secret, "secret");
        allowed = List.copyOf(allowed);
    }

    /** From configuration: an empty secret disables the routes, an empty list allows loopback only. */
    static XmlCurlAccess configured(String secret, String allowedAddresses) {
        List<AddressRange> ranges = AddressRange.parseAll(allowedAddresses);
        return new XmlCurlAccess(Optional.ofNullable(secret).filter(s -> !s.isBlank()),
                ranges.isEmpty() ? LOOPBACK : ranges);
    }

    /**
     * The peer is the client's address as {@code ClientAddresses} decides it: the TCP peer, or the
     * client a trusted proxy names, never a forwarding header from anyone else. An unknown peer is refused.
     */
    Verdict decide(InetAddress peer, String authorization, String secretHeader) {
        if (secret.isEmpty()) {
            return Verdict.DISABLED;
        }
        boolean fromAllowedAddress = peer != null && allowed.stream().anyMatch(range -> range.contains(peer));
        boolean presentsSecret = matches(secretHeader) || matches(basicPassword(authorization));
        return fromAllowedAddress && presentsSecret ? Verdict.ALLOWED : Verdict.REFUSED;
    }

    private boolean matches(String presented) {
        // Constant time, so the secret cannot be guessed byte by byte from response times.
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                secret.orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    private static String basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "XmlCurlAccess[" + (secret.isPresent() ? "enabled" : "disabled") + ", allowed=" + allowed + "]";
    }
}
