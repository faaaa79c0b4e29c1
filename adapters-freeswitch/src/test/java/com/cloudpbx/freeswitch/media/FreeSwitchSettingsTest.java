package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.cloudpbx.core.calls.ParkSlotRange;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The voip.freeswitch.* properties as the context binds and checks them. */
class FreeSwitchSettingsTest {

    @Test
    void unsetPropertiesKeepTheStockValues() {
        FreeSwitchSettings settings = bind(Map.of());

        assertThat(settings.commandTimeoutMs()).isEqualTo(10_000);
        assertThat(settings.ringTimeoutSeconds()).isEqualTo(30);
        assertThat(settings.conferenceProfile()).isEqualTo("default");
        assertThat(settings.dialing()).isEqualTo(new ExtensionDialing.Directory());
    }

    @Test
    void setPropertiesAreUsed() {
        MediaServerSettings settings = bind(Map.of(
                "voip.freeswitch.command-timeout-ms", "2500",
                "voip.freeswitch.ring-timeout-seconds", "45",
                "voip.freeswitch.conference-profile", "wideband")).mediaServerSettings(new ParkSlotRange(701, 750));

        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.ringTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.commands().conferenceProfile()).isEqualTo("wideband");
    }

    @Test
    void aSipProxyMakesExtensionsBeDialledThroughItOnTheInternalProfileUnlessAnotherIsNamed() {
        assertThat(bind(Map.of("voip.freeswitch.sip-proxy", "kamailio.internal:5060")).dialing())
                .isEqualTo(new ExtensionDialing.ViaProxy("internal", "kamailio.internal:5060"));
        assertThat(bind(Map.of("voip.freeswitch.sip-proxy", "kamailio.internal",
                "voip.freeswitch.sip-profile", "phones")).dialing())
                .isEqualTo(new ExtensionDialing.ViaProxy("phones", "kamailio.internal"));
    }

    @Test
    void aTimeoutOutOfRangeIsRefusedNamingItsVariableAndRange() {
        assertRefusedSaying("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS must be a whole number from 1 to 600",
                Map.of("voip.freeswitch.ring-timeout-seconds", "0"));
        assertRefusedSaying("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", Map.of("voip.freeswitch.ring-timeout-seconds", "601"));
        assertRefusedSaying("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS must be a whole number from 100 to 300000",
                Map.of("voip.freeswitch.command-timeout-ms", "-1"));
        assertRefusedSaying("VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", Map.of("voip.freeswitch.command-timeout-ms", "300001"));
    }

    @Test
    void aProfileNameThatCouldReachTheCommandLineIsRefusedNamingItsVariable() {
        assertRefusedSaying("VOIP_FREESWITCH_CONFERENCE_PROFILE",
                Map.of("voip.freeswitch.conference-profile", "default inline"));
        assertRefusedSaying("VOIP_FREESWITCH_SIP_PROFILE", Map.of("voip.freeswitch.sip-profile", "internal,x=y"));
    }

    @Test
    void aSipProxyThatIsNoHostIsRefusedNamingItsVariable() {
        assertRefusedSaying("VOIP_FREESWITCH_SIP_PROXY", Map.of("voip.freeswitch.sip-proxy", "sip:kamailio;lr"));
    }

    @Test
    void hostsThatCannotBeReadAreRefusedWithTheParsersReasonButNoPassword() {
        Throwable refused = catchThrowable(() -> bind(Map.of("voip.freeswitch.hosts", "fs1:8021:s3cret,fs1:8021:s3cret")));

        assertThat(messages(refused)).contains("VOIP_FREESWITCH_HOSTS lists fs1:8021 twice").doesNotContain("s3cret");
    }

    private static FreeSwitchSettings bind(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            return context.getBean(FreeSwitchSettings.class);
        }
    }

    private static void assertRefusedSaying(String text, Map<String, Object> properties) {
        assertThat(messages(catchThrowable(() -> bind(properties)))).contains(text);
    }

    /** The context reports a refused setting a few causes down. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
