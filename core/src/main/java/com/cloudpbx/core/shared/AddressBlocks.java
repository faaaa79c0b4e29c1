package com.cloudpbx.core.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What a per-address throttle counts: an IPv4 address as it is, an IPv6 address as its /64. A
 * single IPv6 customer is routinely given a whole /64, so counting single IPv6 addresses would give
 * one attacker 2^64 budgets.
 */
public final class AddressBlocks {

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final int PREFIX_BYTES = 8;

    private AddressBlocks() {
    }

    /** {@code 2001:db8:1:2:a:b:c:d} → {@code 2001:db8:1:2:0:0:0:0/64}; anything else unchanged. */
    public static String of(String clientAddress) {
        if (clientAddress == null || !IPV6_LITERAL.matcher(clientAddress).matches()) {
            return String.valueOf(clientAddress);
        }
        try {
            // a literal (checked above), so this never asks DNS
            InetAddress address = InetAddress.getByName(clientAddress);
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] block = Arrays.copyOf(Arrays.copyOf(address.getAddress(), PREFIX_BYTES), 16);
            return InetAddress.getByAddress(block).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return clientAddress;
        }
    }
}
