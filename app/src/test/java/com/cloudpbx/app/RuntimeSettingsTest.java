package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.app.settings.ConfigurationRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variables as the environment gives them, turned into the application's properties, or refused. */
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
    void sharedSecretsBecomeTheirProperties() {
        Map<String, Object> properties = new RuntimeSettings(env(Map.of("VOIP_TURN_SECRET", "0123456789abcdef",
                "VOIP_XMLCURL_SECRET", "fedcba9876543210"))).properties(DATABASE);

        assertThat(properties).containsEntry("voip.turn.secret", "0123456789abcdef")
                .containsEntry("voip.xmlcurl.secret", "fedcba9876543210");
    }

    @Test
    void withoutCorsOriginsCrossOriginAccessIsOff() {
        Map<String, Object> properties = new RuntimeSettings(env(Map.of())).properties(DATABASE);

        assertThat(properties).containsEntry("micronaut.server.cors.enabled", false)
                .doesNotContainKey("micronaut.server.cors.configurations.web.allowed-origins");
    }

    @Test
    void corsOriginsAreTheOnlyAllowedOrigins() {
        Map<String, Object> properties = new RuntimeSettings(env(Map.of("VOIP_CORS_ORIGINS",
                " https://crm.example.com ,https://app.example.com,"))).properties(DATABASE);

        assertThat(properties).containsEntry("micronaut.server.cors.enabled", true)
                .containsEntry("micronaut.server.cors.configurations.web.allowed-origins",
                        List.of("https://crm.example.com", "https://app.example.com"));
    }

    @Test
    void exportsGetTheirOwnPoolOnTheSameDatabaseWithTheirLimits() {
        Map<String, Object> properties = new RuntimeSettings(env(Map.of(
                "VOIP_DB_CONNECTION_TIMEOUT_MS", "1500",
                "VOIP_EXPORT_MAX_CONCURRENT", "6",
                "VOIP_EXPORT_MAX_PER_TENANT", "2",
                "VOIP_EXPORT_STALL_SECONDS", "20"))).properties(DATABASE);

        assertThat(properties).containsEntry("datasources.default.connection-timeout", "1500")
                .containsEntry("datasources.export.url", DATABASE.url() + "?ApplicationName=voip-server-exports")
                .containsEntry("datasources.export.username", DATABASE.user())
                .containsEntry("voip.export.max-concurrent", "6")
                .containsEntry("voip.export.max-per-tenant", "2")
                .containsEntry("voip.export.stall-seconds", "20");
    }

    @Test
    void theSessionRecheckIntervalBecomesItsProperty() {
        Map<String, Object> properties = new RuntimeSettings(env(Map.of("VOIP_SESSION_RECHECK_SECONDS", "5")))
                .properties(DATABASE);

        assertThat(properties).containsEntry("voip.auth.session-recheck-seconds", "5");
    }

    @Test
    void theIdempotencyLeaseBecomesItsProperty() {
        Map<String, Object> properties = new RuntimeSettings(env(Map.of("VOIP_IDEMPOTENCY_LEASE_SECONDS", "120")))
                .properties(DATABASE);

        assertThat(properties).containsEntry("voip.idempotency.lease-seconds", "120");
    }

    @Test
    void anExportStallTimeoutThatIsNoNumberIsRefusedBeforeTheServerStarts() {
        RuntimeSettings settings = new RuntimeSettings(env(Map.of("VOIP_EXPORT_STALL_SECONDS", "30s")));

        assertThatThrownBy(() -> settings.properties(DATABASE)).isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("VOIP_EXPORT_STALL_SECONDS").hasMessageContaining("1 to 30");
    }

    @Test
    void aWholeNumberIsPassedOnWithoutTheSpacesAroundIt() {
        Map<String, Object> properties = new RuntimeSettings(env(Map.of("VOIP_EXPORT_MAX_CONCURRENT", " 6 ")))
                .properties(DATABASE);

        assertThat(properties).containsEntry("voip.export.max-concurrent", "6");
    }

    @Test
    void everyVariableSetsAPropertyThatASettingsRecordOrTheFrameworkReads() {
        assertThat(RuntimeSettings.VARIABLES.values()).allSatisfy(property -> assertThat(
                ConfigurationRecords.setting(property).isPresent() || !property.startsWith("voip."))
                .as(property).isTrue());
    }

    private static Map<String, String> env(Map<String, String> freeSwitch) {
        Map<String, String> env = new HashMap<>(freeSwitch);
        env.put("VOIP_DB_URL", DATABASE.url());
        env.put("VOIP_JWT_SECRET", "test-jwt-secret-which-is-long-enough-0123456789");
        env.put("VOIP_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return env;
    }
}
