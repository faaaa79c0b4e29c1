package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VOIP_TRUSTED_PROXIES as the environment gives it; what it may hold is ForwardingSettingsTest's. */
class TrustedProxiesSettingTest {

    private static final RuntimeSettings.DatabaseCoordinates DATABASE =
            new RuntimeSettings.DatabaseCoordinates("jdbc:postgresql://db/voip", "voip", "secret");

    @Test
    void trustedProxiesBecomeTheirProperty() {
        Map<String, Object> properties = new RuntimeSettings(env("10.0.0.0/8, 192.168.1.10, fd00::/8"))
                .properties(DATABASE);

        assertThat(properties).containsEntry("voip.http.trusted-proxies", "10.0.0.0/8, 192.168.1.10, fd00::/8");
    }

    @Test
    void theForwardingHeaderBecomesItsProperty() {
        Map<String, Object> properties = new RuntimeSettings(env("10.0.0.0/8", "Forwarded"))
                .properties(DATABASE);

        assertThat(properties).containsEntry("voip.http.forwarded-header", "Forwarded");
    }

    private static Map<String, String> env(String trustedProxies, String forwardedHeader) {
        Map<String, String> env = env(trustedProxies);
        env.put("VOIP_FORWARDED_HEADER", forwardedHeader);
        return env;
    }

    private static Map<String, String> env(String trustedProxies) {
        Map<String, String> env = new HashMap<>();
        env.put("VOIP_TRUSTED_PROXIES", trustedProxies);
        env.put("VOIP_DB_URL", DATABASE.url());
        env.put("VOIP_JWT_SECRET", "test-jwt-secret-which-is-long-enough-0123456789");
        env.put("VOIP_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return env;
    }
}
