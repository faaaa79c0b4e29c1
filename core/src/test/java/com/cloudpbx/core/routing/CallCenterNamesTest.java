package com.cloudpbx.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallCenterNamesTest {

    @Test
    void aQueueIsNamedByItsIdInTheTenantsDomain() {
        UUID id = UUID.fromString("7d1f2a9e-0c3b-4e59-9a51-2f4c8b6d0e11");

        assertThat(CallCenterNames.queue(id, "acme.sip.example.com"))
                .isEqualTo("7d1f2a9e-0c3b-4e59-9a51-2f4c8b6d0e11@acme.sip.example.com");
    }

    @Test
    void anAgentIsNamedByItsExtensionInTheTenantsDomain() {
        assertThat(CallCenterNames.agent("1001", "acme.sip.example.com")).isEqualTo("1001@acme.sip.example.com");
    }
}
