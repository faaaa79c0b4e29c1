package com.cloudpbx.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressBlocksTest {

    @Test
    void anIpv4AddressIsItsOwnBlock() {
        assertThat(AddressBlocks.of("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareABlock() {
        assertThat(AddressBlocks.of("2001:db8:1:2:a:b:c:d")).isEqualTo(AddressBlocks.of("2001:db8:1:2::ffff"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void ipv6AddressesOfDifferentSlash64sDoNot() {
        assertThat(AddressBlocks.of("2001:db8:1:2::1")).isNotEqualTo(AddressBlocks.of("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertThat(AddressBlocks.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void somethingThatIsNoAddressIsKeptAsGiven() {
        assertThat(AddressBlocks.of("unknown")).isEqualTo("unknown");
        assertThat(AddressBlocks.of(null)).isEqualTo("null");
    }
}
