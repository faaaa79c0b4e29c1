package com.cloudpbx.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrunkFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sip.carrier.example", "sip.carrier.example:5061", "203.0.113.10", "203.0.113.10:5080",
            "[2001:db8::1]", "[2001:db8::1]:5060", "localhost"})
    void acceptsAHostWithAnOptionalPort(String proxy) {
        assertThat(TrunkFields.proxy(" " + proxy + " ")).isEqualTo(proxy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a host", "sip.example:0", "sip.example:65536", "sip.example:", "-bad.example",
            "sip..example", "sip.example:50a", "sip:user@sip.example", "sip.example;transport=tcp", "[::1"})
    void refusesAnythingElseOnProxy(String proxy) {
        assertRefused(() -> TrunkFields.proxy(proxy), "proxy");
    }

    @Test
    void codecsAreOneToSixteenNamesOfThePermittedCharacters() {
        assertThat(TrunkFields.codecs(List.of("OPUS", "G722", "PCMU", "speex.16000", "iLBC_30-x")))
                .containsExactly("OPUS", "G722", "PCMU", "speex.16000", "iLBC_30-x");
        assertRefused(() -> TrunkFields.codecs(List.of()), "codecs");
        assertRefused(() -> TrunkFields.codecs(List.of("PCMU", "bad codec")), "codecs");
        assertRefused(() -> TrunkFields.codecs(List.of("x".repeat(33))), "codecs");
        assertRefused(() -> TrunkFields.codecs(Arrays.asList("PCMU", null)), "codecs");
        assertRefused(() -> TrunkFields.codecs(java.util.Collections.nCopies(17, "PCMU")), "codecs");
    }

    @Test
    void maxChannelsIsOneToTenThousand() {
        assertThat(TrunkFields.maxChannels(1)).isEqualTo(1);
        assertThat(TrunkFields.maxChannels(10_000)).isEqualTo(10_000);
        assertRefused(() -> TrunkFields.maxChannels(0), "maxChannels");
        assertRefused(() -> TrunkFields.maxChannels(10_001), "maxChannels");
        assertRefused(() -> TrunkFields.maxChannels(null), "maxChannels");
    }

    @Test
    void transportAndStatusAreTheirEnumerationsInAnyCase() {
        assertThat(TrunkFields.transport("TLS")).isEqualTo("tls");
        assertThat(TrunkFields.active("Inactive")).isFalse();
        assertRefused(() -> TrunkFields.transport("sctp"), "transport");
        assertRefused(() -> TrunkFields.active("paused"), "status");
    }

    @Test
    void credentialsCannotCarryMarkupQuotesOrSpaces() {
        assertThat(TrunkFields.password("p@ss:w0rd!")).isEqualTo("p@ss:w0rd!");
        assertThat(TrunkFields.username(null)).isNull();
        assertThat(TrunkFields.password("")).isNull();
        for (String bad : List.of("with space", "quote\"d", "<tag>", "a&b", "x".repeat(129), "new\nline")) {
            assertRefused(() -> TrunkFields.password(bad), "password");
        }
    }

    private static void assertRefused(Supplier<?> check, String field) {
        assertThatThrownBy(check::get).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.details()).extracting("field").containsExactly(field));
    }
}
