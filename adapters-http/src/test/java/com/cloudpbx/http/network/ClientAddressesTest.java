package com.cloudpbx.http.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final ClientAddresses NO_PROXY = new ClientAddresses("", "X-Forwarded-For");
    private static final ClientAddresses BEHIND_PROXIES = new ClientAddresses("10.0.0.0/8, fd00::/8", "X-Forwarded-For");
    private static final ClientAddresses BEHIND_FORWARDED_PROXIES = new ClientAddresses("10.0.0.0/8, fd00::/8",
            "Forwarded");

    @Test
    void withoutTrustedProxiesTheClientIsTheTcpPeerWhateverTheHeadersSay() {
        assertThat(NO_PROXY.resolve(ip("198.51.100.9"), List.of("for=203.0.113.1"), List.of("203.0.113.2")))
                .isEqualTo(ip("198.51.100.9"));
    }

    @Test
    void anUntrustedPeerCannotNameAnotherClient() {
        assertThat(BEHIND_PROXIES.resolve(ip("198.51.100.9"), List.of(), List.of("10.0.0.1, 203.0.113.2")))
                .isEqualTo(ip("198.51.100.9"));
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedForwardedForHopIsTheClient() {
        assertThat(BEHIND_PROXIES.resolve(ip("10.0.0.2"), List.of(), List.of("1.1.1.1, 203.0.113.7, 10.0.0.5")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void forwardedForHopsMaySpreadOverSeveralHeaderLines() {
        assertThat(BEHIND_PROXIES.resolve(ip("10.0.0.2"), List.of(), List.of("1.1.1.1", "203.0.113.7", "10.0.0.5")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void theStandardForwardedHeaderIsReadWithQuotedIpv6AndPorts() {
        assertThat(BEHIND_FORWARDED_PROXIES.resolve(ip("10.0.0.2"),
                List.of("for=192.0.2.60;proto=https, For=\"[2001:db8:cafe::17]:4711\";by=10.0.0.2, for=10.1.2.3:80"),
                List.of("198.51.100.1")))
                .isEqualTo(ip("2001:db8:cafe::17"));
    }

    @Test
    void behindAProxyThatWritesXForwardedForAForwardedHeaderFromTheClientIsIgnored() {
        // nginx, HAProxy and cloud load balancers append X-Forwarded-For and pass Forwarded through as sent.
        assertThat(BEHIND_PROXIES.resolve(ip("10.0.0.2"), List.of("for=127.0.0.1"), List.of("203.0.113.7")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void behindAProxyThatWritesForwardedAnXForwardedForFromTheClientIsIgnored() {
        assertThat(BEHIND_FORWARDED_PROXIES.resolve(ip("10.0.0.2"), List.of("for=203.0.113.7"), List.of("127.0.0.1")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void aForwardingHeaderOtherThanTheTwoKnownIsRefused() {
        assertThatThrownBy(() -> new ClientAddresses("10.0.0.0/8", "X-Real-IP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Real-IP");
    }

    @Test
    void anIpv4HopWithAPortIsItsAddress() {
        assertThat(BEHIND_PROXIES.resolve(ip("fd00::1"), List.of(), List.of("203.0.113.7:51234")))
                .isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void aHopThatIsNoAddressStopsAtTheLastTrustedProxy() {
        assertThat(BEHIND_FORWARDED_PROXIES.resolve(ip("10.0.0.2"), List.of("for=203.0.113.7, for=unknown, for=10.0.0.9"),
                List.of())).isEqualTo(ip("10.0.0.9"));
        assertThat(BEHIND_PROXIES.resolve(ip("10.0.0.2"), List.of(), List.of("evil.example.com")))
                .isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void aHopInAShortOrNamedFormIsNoAddressAndIsNeverLookedUp() {
        // 127.1 is what inet_aton, and InetAddress, read as 127.0.0.1; "cafe.bad" would be a DNS query.
        assertThat(BEHIND_PROXIES.resolve(ip("10.0.0.2"), List.of(), List.of("127.1")))
                .isEqualTo(ip("10.0.0.2"));
        assertThat(BEHIND_PROXIES.resolve(ip("10.0.0.2"), List.of(), List.of("cafe.bad")))
                .isEqualTo(ip("10.0.0.2"));
        assertThat(BEHIND_PROXIES.resolve(ip("10.0.0.2"), List.of(), List.of("300.1.1.1")))
                .isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertThat(BEHIND_PROXIES.resolve(ip("10.0.0.2"), List.of(), List.of("10.9.9.9, 10.0.0.5")))
                .isEqualTo(ip("10.9.9.9"));
    }

    @Test
    void aTrustedProxyThatForwardsNothingIsItselfTheClient() {
        assertThat(BEHIND_PROXIES.resolve(ip("10.0.0.2"), List.of(), List.of())).isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void aTrustedProxyListThatIsNoCidrIsRefused() {
        assertThatThrownBy(() -> new ClientAddresses("10.0.0.0/8, proxy.internal", "X-Forwarded-For"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.internal");
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
