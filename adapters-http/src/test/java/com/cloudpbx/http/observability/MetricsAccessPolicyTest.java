package com.cloudpbx.http.observability;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsAccessPolicyTest {

    @Test
    void loopbackNeedsNoCredentials() throws UnknownHostException {
        assertThat(MetricsAccessPolicy.decide(InetAddress.getByName("127.0.0.1"), null))
            .isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(MetricsAccessPolicy.decide(InetAddress.getByName("::1"), null))
            .isEqualTo(SecurityRuleResult.ALLOWED);
    }

    @Test
    void remoteNeedsTheSuperadminRole() throws UnknownHostException {
        InetAddress remote = InetAddress.getByName("203.0.113.7");

        assertThat(MetricsAccessPolicy.decide(remote, null)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(MetricsAccessPolicy.decide(remote, Authentication.build("a", List.of("admin"))))
            .isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(MetricsAccessPolicy.decide(remote, Authentication.build("s", List.of("superadmin"))))
            .isEqualTo(SecurityRuleResult.ALLOWED);
    }

    @Test
    void unknownPeerIsTreatedAsRemote() {
        assertThat(MetricsAccessPolicy.decide(null, null)).isEqualTo(SecurityRuleResult.REJECTED);
    }
}
