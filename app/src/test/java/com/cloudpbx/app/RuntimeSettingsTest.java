package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FreeSWITCH and session variables as the environment gives them, turned into the application's properties. */
class RuntimeSettingsTest {

    private static final RuntimeSettings.DatabaseCoordinates DATABASE =
            new RuntimeSettings.DatabaseCoordinates("jdbc:postgresql://db/voip", "voip", "secret");

    @Test
    void everyFreeSwitchVariableBecomesItsProperty() {
        Map<String, Object> properties = new RuntimeSettings(env(Map.of(
                "VOIP_FREESWITCH_COMMAND_TIMEOUT_MS", "2500",
                "VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", "45",
                "VOIP_FREESWITCH_CONFERENCE_PROFILE", "wideband",
                "VOIP_FREESWITCH_SIP_PROFILE", "phones",
                "VOIP_FREESWITCH_SIP_PROXY", "kamailio:5060"))).properties(DATABASE);

        assertThat(properties).containsEntry("voip.freeswitch.command-timeout-ms", "2500")
                .containsEntry("voip.freeswitch.ring-timeout-seconds", "45")
                .containsEntry("voip.freeswitch.conference-profile", "wideband")
                .containsEntry("voip.freeswitch.sip-profile", "phones")
                .containsEntry("voip.freeswitch.sip-proxy", "kamailio:5060");
    }

    @Test
    void aBadFreeSwitchValueIsRefusedBeforeTheServerStarts() {
        RuntimeSettings settings = new RuntimeSettings(env(Map.of("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS", "soon")));

        assertThatThrownBy(() -> settings.properties(DATABASE)).isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("VOIP_FREESWITCH_RING_TIMEOUT_SECONDS");
    }

    @Test
    void theSessionRecheckIntervalBecomesItsProperty() {
        Map<String, Object> properties = new RuntimeSettings(env(Map.of("VOIP_SESSION_RECHECK_SECONDS", "5")))
                .properties(DATABASE);

        assertThat(properties).containsEntry("voip.auth.session-recheck-seconds", 5);
    }

    @Test
    void aSessionRecheckIntervalBeyondThirtySecondsIsRefused() {
        RuntimeSettings settings = new RuntimeSettings(env(Map.of("VOIP_SESSION_RECHECK_SECONDS", "60")));

        assertThatThrownBy(() -> settings.properties(DATABASE)).isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("VOIP_SESSION_RECHECK_SECONDS").hasMessageContaining("1 to 30");
    }

    private static Map<String, String> env(Map<String, String> freeSwitch) {
        Map<String, String> env = new HashMap<>(freeSwitch);
        env.put("VOIP_DB_URL", DATABASE.url());
        env.put("VOIP_JWT_SECRET", "test-jwt-secret-which-is-long-enough-0123456789");
        env.put("VOIP_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return env;
    }
}
