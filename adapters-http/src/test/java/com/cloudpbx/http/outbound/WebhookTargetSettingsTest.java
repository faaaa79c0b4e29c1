package com.cloudpbx.http.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookTargetSettingsTest {

    @Test
    void byDefaultPrivateTargetsAreRefusedOnTheUsualPortsWithTenSecondTimeouts() {
        try (Outbound outbound = Outbound.builder().start()) {
            WebhookTargetSettings settings = outbound.context().getBean(WebhookTargetSettings.class);

            assertThat(settings).isEqualTo(new WebhookTargetSettings(false, Set.of(80, 443, 8080, 8443), 10, 10));
        }
    }

    @Test
    void aPortOutOfRangeStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> Outbound.builder().allowPorts(70000).start().close())
                .hasStackTraceContaining("VOIP_WEBHOOK_ALLOWED_PORTS must hold ports from 1 to 65535");
    }

    @Test
    void aZeroReadTimeoutStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> Outbound.builder().readTimeoutSeconds(0).start().close())
                .hasStackTraceContaining("VOIP_WEBHOOK_READ_TIMEOUT_SECONDS must be a whole number, 1 or more");
    }
}
