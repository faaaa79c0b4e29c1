package com.cloudpbx.http.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.cloudpbx.http.xmlcurl.XmlCurlSettings;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The address and header settings as the context binds and checks them at start. */
class ForwardingSettingsTest {

    @Test
    void trustedProxiesAndTheForwardingHeaderAreBound() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "voip.http.trusted-proxies", "10.0.0.0/8, fd00::/8", "voip.http.forwarded-header", "Forwarded"))) {
            ForwardingSettings settings = context.getBean(ForwardingSettings.class);

            assertThat(settings.trustedProxies()).isEqualTo("10.0.0.0/8, fd00::/8");
            assertThat(settings.forwardedHeader()).isEqualTo("Forwarded");
        }
    }

    @Test
    void theForwardingHeaderIsXForwardedForUnlessSet() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(ForwardingSettings.class).forwardedHeader()).isEqualTo("X-Forwarded-For");
        }
    }

    @Test
    void aTrustedProxyThatIsNoAddressOrCidrBlockIsRefusedNamingTheVariableAndTheList() {
        assertThat(refusal(() -> ApplicationContext.run(Map.of("voip.http.trusted-proxies", "10.0.0.0/8,proxy.internal"))))
                .contains("VOIP_TRUSTED_PROXIES").contains("proxy.internal");
    }

    @Test
    void aPrefixLongerThanTheAddressIsRefused() {
        assertThat(refusal(() -> ApplicationContext.run(Map.of("voip.http.trusted-proxies", "10.0.0.0/33"))))
                .contains("VOIP_TRUSTED_PROXIES");
    }

    @Test
    void aForwardingHeaderTheServerDoesNotReadIsRefusedNamingTheVariable() {
        assertThat(refusal(() -> ApplicationContext.run(Map.of("voip.http.forwarded-header", "X-Real-IP"))))
                .contains("VOIP_FORWARDED_HEADER");
    }

    @Test
    void anXmlCurlSecretShorterThan16CharactersIsRefusedNamingTheVariableNotTheSecret() {
        assertThat(refusal(() -> ApplicationContext.run(Map.of("voip.xmlcurl.secret", "short-secret"))))
                .contains("VOIP_XMLCURL_SECRET").doesNotContain("short-secret");
    }

    @Test
    void xmlCurlAddressesThatAreNoAddressesAreRefusedNamingTheVariable() {
        assertThat(refusal(() -> ApplicationContext.run(Map.of("voip.xmlcurl.allowed-addresses", "freeswitch"))))
                .contains("VOIP_XMLCURL_ALLOWED");
    }

    @Test
    void anXmlCurlSecretOf16CharactersIsAccepted() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("voip.xmlcurl.secret", "fedcba9876543210"))) {
            assertThat(context.getBean(XmlCurlSettings.class).secret()).isEqualTo("fedcba9876543210");
        }
    }

    /** The context reports a refused setting a few causes down: every message of the chain. */
    private static String refusal(ThrowingCallable start) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = catchThrowable(start); cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
