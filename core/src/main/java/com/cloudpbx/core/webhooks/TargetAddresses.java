package com.cloudpbx.core.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a webhook delivery may never connect to, so that a webhook cannot make the server
 * reach into its own network: loopback, unspecified, link-local (169.254.0.0/16, where clouds serve
 * instance metadata, and fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared address
 * space (CGNAT, 100.64/10), multicast, broadcast and the reserved blocks (0/8, 192.0.0/24, 198.18/15,
 * 240/4). An IPv6 address that carries an IPv4 one (IPv4-mapped {@code ::ffff:a.b.c.d},
 * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by
 * the IPv4 address it carries. Every address a name resolves to is checked at delivery time, and the
 * connection goes to the address checked.
 */
public final class TargetAddresses {

    private static final List<Block> REFUSED_V4 = List.of(
            new Block("0.0.0.0", 8, "the unspecified network"),
            new Block("10.0.0.0", 8, "a private network"),
            new Block("100.64.0.0", 10, "shared address space (carrier-grade NAT)"),
            new Block("127.0.0.0", 8, "loopback"),
            new Block("169.254.0.0", 16, "link-local (cloud instance metadata)"),
            new Block("172.16.0.0", 12, "a private network"),
            new Block("192.0.0.0", 24, "IETF protocol assignments"),
            new Block("192.168.0.0", 16, "a private network"),
            new Block("198.18.0.0", 15, "benchmarking"),
            new Block("224.0.0.0", 4, "multicast"),
            new Block("240.0.0.0", 4, "reserved (and broadcast)"));
    private static final List<Block> REFUSED_V6 = List.of(
            new Block("::", 128, "the unspecified address"),
            new Block("::1", 128, "loopback"),
            new Block("fc00::", 7, "a private network (unique local)"),
            new Block("fe80::", 10, "link-local"),
            new Block("fec0::", 10, "site-local"),
            new Block("ff00::", 8, "multicast"));

    /** Why a delivery may not connect to the address; empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress judged = carriedIpv4(address).map(v4 -> (InetAddress) v4).orElse(address);
        List<Block> blocks = judged instanceof Inet4Address ? REFUSED_V4 : REFUSED_V6;
        return blocks.stream().filter(block -> block.contains(judged)).findFirst()
                .map(block -> judged.getHostAddress() + " is " + block.what());
    }

    /** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64 or 6to4), if it carries one. */
    static Optional<Inet4Address> carriedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        if (isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            return Optional.of(ipv4(bytes, 12));
        }
        if (isZero(bytes, 0, 12) && !isZero(bytes, 12, 16) && !(isZero(bytes, 12, 15) && bytes[15] == 1)) {
            return Optional.of(ipv4(bytes, 12));
        }
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                && isZero(bytes, 4, 12)) {
            return Optional.of(ipv4(bytes, 12));
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return Optional.of(ipv4(bytes, 2));
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address ipv4(byte[] bytes, int offset) {
        byte[] v4 = {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]};
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    /** A CIDR block given as a literal address (never a name: nothing here looks a name up). */
    private record Block(byte[] network, int prefix, String what) {

        Block(String literal, int prefix, String what) {
            this(literalBytes(literal), prefix, what);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }

        private static byte[] literalBytes(String literal) {
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address literal: " + literal, e);
            }
        }
    }
}
