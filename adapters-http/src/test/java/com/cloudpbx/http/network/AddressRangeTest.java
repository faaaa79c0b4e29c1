package com.cloudpbx.http.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void cidrBlocksMatchOnTheirPrefixOnly() throws UnknownHostException {
        AddressRange range = AddressRange.parse("172.16.0.0/12");

        assertThat(range.contains(ip("172.31.255.255"))).isTrue();
        assertThat(range.contains(ip("172.32.0.0"))).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains(ip("fd12::1"))).isTrue();
        assertThat(AddressRange.parse("fd00::/8").contains(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void onlyLiteralAddressesAreAccepted() {
        assertThatThrownBy(() -> AddressRange.parse("freeswitch.internal")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortFormIpv4AddressIsRefusedRatherThanReadAsAnother() {
        assertThatThrownBy(() -> AddressRange.parse("10.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressRange.parse("127.1/32")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListIsCommaSeparatedAndBlankMeansNone() {
        assertThat(AddressRange.parseAll(" 10.0.0.0/8, ::1 ,")).containsExactly(AddressRange.parse("10.0.0.0/8"),
                AddressRange.parse("::1"));
        assertThat(AddressRange.parseAll("")).isEmpty();
        assertThat(AddressRange.parseAll(null)).isEmpty();
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
