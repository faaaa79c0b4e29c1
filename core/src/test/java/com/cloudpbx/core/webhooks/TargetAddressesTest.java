package com.cloudpbx.core.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressesTest {

    private final TargetAddresses addresses = new TargetAddresses();

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254", "127.0.0.1",
        "127.8.9.10", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.0.0.8",
        "192.168.1.1", "198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250", "240.0.0.1",
        "255.255.255.255",
        "::", "::1", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf::1", "fec0::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::", "2002:c0a8:101::1"})
    void anAddressInsideTheServersOrAnyPrivateNetworkIsRefused(String literal) {
        assertThat(addresses.refusal(address(literal))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1.1.1.1", "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255",
        "172.32.0.1", "169.253.255.255", "192.0.1.1", "198.17.255.255", "198.20.0.1", "223.255.255.254",
        "2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "2002:808:808::1"})
    void aPublicAddressIsAllowed(String literal) {
        assertThat(addresses.refusal(address(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:127.0.0.1", "::ffff:7f00:1", "0:0:0:0:0:ffff:7f00:0001"})
    void anIpv4MappedLoopbackIsRefusedWhateverItsSpelling(String literal) {
        assertThat(addresses.refusal(address(literal))).hasValueSatisfying(why -> assertThat(why).contains("loopback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "::ffff:169.254.169.254"})
    void theCloudMetadataAddressIsRefusedAsLinkLocal(String literal) {
        assertThat(addresses.refusal(address(literal))).hasValueSatisfying(why -> assertThat(why).contains("metadata"));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
