package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.core.calls.Sandbox;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.freeswitch.media.EslMediaServer;
import com.cloudpbx.freeswitch.media.ExtensionDialing;
import com.cloudpbx.freeswitch.media.MediaServerSettings;
import com.cloudpbx.freeswitch.simulated.SimulatedSwitch;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Configuration alone chooses the media server: FreeSWITCH when hosts are named, else the simulated switch. */
class MediaServerSelectionTest {

    /** Nothing listens there: the client keeps reconnecting, which is all these tests need. */
    private static final String UNREACHABLE = "127.0.0.1:9";

    @Test
    void withoutFreeSwitchHostsTheSimulatedSwitchAndTheSandboxServe() {
        try (ApiServer api = ApiServer.start()) {
            assertThat(api.bean(LegControl.class)).isInstanceOf(SimulatedSwitch.class);
            assertThat(api.bean(ConferenceControl.class)).isSameAs(api.bean(LegControl.class));
            assertThat(api.hasBean(Sandbox.class)).isTrue();
        }
    }

    @Test
    void withFreeSwitchHostsCallsGoToFreeSwitchAndTheSandboxIsOff() {
        try (ApiServer api = ApiServer.start(Map.of("voip.freeswitch.hosts", UNREACHABLE + ":s3cret"))) {
            assertThat(api.bean(LegControl.class)).isInstanceOf(EslMediaServer.class);
            assertThat(api.bean(ConferenceControl.class)).isSameAs(api.bean(LegControl.class));
            assertThat(api.hasBean(SimulatedSwitch.class)).isFalse();
            assertThat(api.hasBean(Sandbox.class)).isFalse();
        }
    }

    @Test
    void theFreeSwitchSettingsConfiguredAreTheOnesTheAdapterUses() {
        Map<String, Object> properties = Map.of("voip.freeswitch.hosts", UNREACHABLE + ":s3cret",
                "voip.freeswitch.command-timeout-ms", "2500", "voip.freeswitch.ring-timeout-seconds", "45",
                "voip.freeswitch.conference-profile", "wideband", "voip.freeswitch.sip-proxy", "kamailio:5060");
        try (ApiServer api = ApiServer.start(properties)) {
            MediaServerSettings settings = api.bean(MediaServerSettings.class);

            assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(2500));
            assertThat(settings.ringTimeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(settings.commands().conferenceProfile()).isEqualTo("wideband");
            assertThat(settings.commands().dialing()).isEqualTo(new ExtensionDialing.ViaProxy("internal", "kamailio:5060"));
        }
    }

    @Test
    void aFreeSwitchHostOnTheFactoryPasswordIsWarnedAboutLoudlyAtStartup() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger wiring = (Logger) LoggerFactory.getLogger("com.cloudpbx.freeswitch.media.FreeSwitchBeans");
        wiring.addAppender(log);
        try (ApiServer api = ApiServer.start(Map.of("voip.freeswitch.hosts", UNREACHABLE))) {
            assertThat(log.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("127.0.0.1:9", "ClueCon");
            });
        } finally {
            wiring.detachAppender(log);
        }
    }
}
