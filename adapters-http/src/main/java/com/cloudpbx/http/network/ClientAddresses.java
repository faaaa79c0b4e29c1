package com.cloudpbx.http.network;

import jakarta.inject.Inject;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Decides who a request comes from, for throttles, audit entries, access logs and address rules.
 * <p>
 * The client is the TCP peer. Only when the peer is a proxy named in {@code voip.http.trusted-proxies}
 * (env {@code VOIP_TRUSTED_PROXIES}) is a forwarding header read, and only the one those proxies
 * write ({@code voip.http.forwarded-header}, env {@code VOIP_FORWARDED_HEADER}): {@code X-Forwarded-For}
 * (the default) or {@code Forwarded} (RFC 7239 {@code for=}). The other one is the client's own text,
 * since proxies pass through what they do not write. Its hops are walked from the right, skipping
 * trusted proxies; the first hop that is not trusted is the client. Everything left of it was written
 * by that client and could be anything. A hop that is not an address ({@code unknown}, an obfuscated
 * name) stops the walk at the last trusted proxy, the nearest address known to be true.
 */
@Singleton
public final class ClientAddresses {

    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final List<AddressRange> trustedProxies;
    private final boolean standardHeader;

    @Inject
    public ClientAddresses(ForwardingSettings settings) {
        this(settings.trustedProxies(), settings.forwardedHeader());
    }

    ClientAddresses(String trustedProxies, String forwardedHeader) {
        this.trustedProxies = AddressRange.parseAll(trustedProxies);
        this.standardHeader = HttpHeaders.FORWARDED.equalsIgnoreCase(forwardedHeader.strip());
        if (!standardHeader && !X_FORWARDED_FOR.equalsIgnoreCase(forwardedHeader.strip())) {
            throw new IllegalArgumentException("the forwarding header is X-Forwarded-For or Forwarded, not "
                    + forwardedHeader);
        }
    }

    /** The client's address, or empty when the connection has none (never for TCP). */
    public Optional<InetAddress> of(HttpRequest<?> request) {
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(resolve(peer.getAddress(), request.getHeaders().getAll(HttpHeaders.FORWARDED),
                request.getHeaders().getAll(X_FORWARDED_FOR)));
    }

    InetAddress resolve(InetAddress peer, List<String> forwarded, List<String> xForwardedFor) {
        if (!trusted(peer)) {
            return peer;
        }
        InetAddress client = peer;
        List<String> hops = standardHeader ? ForwardedHops.ofForwarded(forwarded)
                : ForwardedHops.ofXForwardedFor(xForwardedFor);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = ForwardedHops.address(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!trusted(client)) {
                return client;
            }
        }
        return client;
    }

    /** The client's address as text ({@code 203.0.113.7}, {@code 2001:db8:0:0:0:0:0:1}), or null. */
    public String text(HttpRequest<?> request) {
        return of(request).map(InetAddress::getHostAddress).orElse(null);
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
