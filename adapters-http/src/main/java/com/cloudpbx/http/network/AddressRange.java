package com.cloudpbx.http.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An IP address or CIDR block ({@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code fd00::/8}): the
 * clients allowed on the media-server routes, the proxies trusted to name the client.
 */
public record AddressRange(byte[] network, int prefixLength) {

    public AddressRange {
        Objects.requireNonNull(network, "network");
        network = network.clone();
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range");
        }
    }

    /** Only literal addresses: a host name would make every check a DNS lookup. */
    public static AddressRange parse(String text) {
        String value = Objects.requireNonNull(text, "text").strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = IpLiterals.parse(address).map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + text));
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + text, e);
        }
        return new AddressRange(bytes, prefix);
    }

    /** A comma-separated list such as {@code 10.0.0.0/8, ::1}; blank means none. */
    public static List<AddressRange> parseAll(String text) {
        return Arrays.stream(Objects.requireNonNullElse(text, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(AddressRange::parse).toList();
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.prefixLength == prefixLength
                && Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
