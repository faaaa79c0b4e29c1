package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EslConnectionTest {

    @Test
    void hostPortAndPasswordAreReadFromEachEntry() {
        assertThat(EslConnection.parseAll("fs1.internal:8022:s3cret, fs2.internal:8021:other"))
                .containsExactly(new EslConnection("fs1.internal", 8022, "s3cret"),
                        new EslConnection("fs2.internal", 8021, "other"));
    }

    @Test
    void thePortDefaultsTo8021() {
        assertThat(EslConnection.parse("fs1.internal::s3cret").port()).isEqualTo(8021);
        assertThat(EslConnection.parse("fs1.internal").port()).isEqualTo(8021);
    }

    @Test
    void thePasswordDefaultsToTheFactoryPasswordAndSaysSo() {
        EslConnection connection = EslConnection.parse("fs1.internal:8021");

        assertThat(connection.password()).isEqualTo("ClueCon");
        assertThat(connection.factoryPassword()).isTrue();
    }

    @Test
    void aChosenPasswordIsNotTheFactoryPassword() {
        assertThat(EslConnection.parse("fs1:8021:s3cret").factoryPassword()).isFalse();
    }

    @Test
    void aPasswordMayContainColons() {
        assertThat(EslConnection.parse("fs1:8021:a:b:c").password()).isEqualTo("a:b:c");
    }

    @Test
    void anIpv6HostIsWrittenInBrackets() {
        EslConnection connection = EslConnection.parse("[fd00::11]:8022:s3cret");

        assertThat(connection.host()).isEqualTo("fd00::11");
        assertThat(connection.port()).isEqualTo(8022);
        assertThat(connection.address()).isEqualTo("[fd00::11]:8022");
    }

    @Test
    void anUnsetOrBlankVariableMeansNoMediaServers() {
        assertThat(EslConnection.parseAll(null)).isEmpty();
        assertThat(EslConnection.parseAll("  ")).isEmpty();
        assertThat(EslConnection.parseAll("fs1:8021:x,,")).hasSize(1);
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> EslConnection.parseAll("fs1:eighty:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_FREESWITCH_HOSTS").hasMessageContaining("fs1");
    }

    @Test
    void aPasswordWrittenWhereThePortGoesIsNotEchoedInTheError() {
        assertThatThrownBy(() -> EslConnection.parseAll("fs1:s3cret-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_FREESWITCH_HOSTS").hasMessageNotContaining("s3cret-password");
    }

    @Test
    void anUnclosedIpv6BracketIsRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> EslConnection.parseAll("[::1:8021:s3cret-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_FREESWITCH_HOSTS").hasMessageNotContaining("s3cret-password");
    }

    @Test
    void textAfterAnIpv6BracketIsRefusedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> EslConnection.parseAll("[::1]8021:s3cret-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_FREESWITCH_HOSTS").hasMessageContaining("::1")
                .hasMessageNotContaining("s3cret-password");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> EslConnection.parse("fs1:70000:x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameServerListedTwiceIsRefused() {
        assertThatThrownBy(() -> EslConnection.parseAll("fs1:8021:a,fs1::b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void thePasswordNeverShowsInItsTextForm() {
        assertThat(EslConnection.parse("fs1:8021:s3cret").toString()).doesNotContain("s3cret").contains("fs1:8021");
    }
}
