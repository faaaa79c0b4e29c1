package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.freeswitch.media.ExtensionDialing;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreeSwitchOptionsTest {

    @Test
    void unsetVariablesKeepTheStockValues() {
        FreeSwitchOptions options = FreeSwitchOptions.defaults();

        assertThat(options.commandTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.conferenceProfile()).isEqualTo("default");
        assertThat(options.dialing()).isEqualTo(new ExtensionDialing.Directory());
    }

    @Test
    void setVariablesAreUsed() {
        FreeSwitchOptions options = parse(Map.of(
                "VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", "2500",
                "VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", "45",
                "VOIP_FREESWITCH_CONFERENCE_PROFILE", "wideband"));

        assertThat(options.commandTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.ringTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.conferenceProfile()).isEqualTo("wideband");
    }

    @Test
    void aSipProxyMakesExtensionsBeDialledThroughItOnTheInternalProfileUnlessAnotherIsNamed() {
        assertThat(parse(Map.of("VOIP_FREESWITCH_SIP_PROXY", "kamailio.internal:5060")).dialing())
                .isEqualTo(new ExtensionDialing.ViaProxy("internal", "kamailio.internal:5060"));
        assertThat(parse(Map.of("VOIP_FREESWITCH_SIP_PROXY", "kamailio.internal",
                "VOIP_FREESWITCH_SIP_PROFILE", "phones")).dialing())
                .isEqualTo(new ExtensionDialing.ViaProxy("phones", "kamailio.internal"));
    }

    @Test
    void aTimeoutThatIsNoWholeNumberRefusesTheStartNamingItsVariable() {
        assertRefusedNaming("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", Map.of("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", "30s"));
        assertRefusedNaming("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", Map.of("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", "1.5"));
    }

    @Test
    void aTimeoutOutOfRangeRefusesTheStartNamingItsVariable() {
        assertRefusedNaming("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", Map.of("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", "0"));
        assertRefusedNaming("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", Map.of("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", "601"));
        assertRefusedNaming("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", Map.of("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", "-1"));
        assertRefusedNaming("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", Map.of("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", "300001"));
    }

    @Test
    void aProfileNameThatCouldReachTheCommandLineRefusesTheStartNamingItsVariable() {
        assertRefusedNaming("VOIP_FREESWITCH_CONFERENCE_PROFILE",
                Map.of("VOIP_FREESWITCH_CONFERENCE_PROFILE", "default inline"));
        assertRefusedNaming("VOIP_FREESWITCH_SIP_PROFILE", Map.of("VOIP_FREESWITCH_SIP_PROFILE", "internal,x=y"));
    }

    @Test
    void aSipProxyThatIsNoHostRefusesTheStartNamingItsVariable() {
        assertRefusedNaming("VOIP_FREESWITCH_SIP_PROXY", Map.of("VOIP_FREESWITCH_SIP_PROXY", "sip:kamailio;lr"));
    }

    private static FreeSwitchOptions parse(Map<String, String> env) {
        return FreeSwitchOptions.parse(variable -> Optional.ofNullable(env.get(variable)));
    }

    private static void assertRefusedNaming(String variable, Map<String, String> env) {
        assertThatThrownBy(() -> parse(env)).isInstanceOf(StartupRefusal.class).hasMessageContaining(variable);
    }
}
