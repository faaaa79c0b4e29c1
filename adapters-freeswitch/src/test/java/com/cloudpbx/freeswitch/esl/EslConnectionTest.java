package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EslConnectionTest {

    @Test
    void host_port_and_password_are_read_from_each_entry() {
        assertThat(EslConnection.parseAll("fs1.internal:8022:s3cret, fs2.internal:8021:other"))
                .containsExactly(new EslConnection("fs1.internal", 8022, "s3cret"),
                        new EslConnection("fs2.internal", 8021, "other"));
    }

    @Test
    void the_port_defaults_to_8021() {
        assertThat(EslConnection.parse("fs1.internal::s3cret").port()).isEqualTo(8021);
        assertThat(EslConnection.parse("fs1.internal").port()).isEqualTo(8021);
    }

    @Test
    void the_password_defaults_to_the_factory_password_and_says_so() {
        EslConnection connection = EslConnection.parse("fs1.internal:8021");

        assertThat(connection.password()).isEqualTo("ClueCon");
        assertThat(connection.factoryPassword()).isTrue();
    }

    @Test
    void a_chosen_password_is_not_the_factory_password() {
        assertThat(EslConnection.parse("fs1:8021:s3cret").factoryPassword()).isFalse();
    }

    @Test
    void a_password_may_contain_colons() {
        assertThat(EslConnection.parse("fs1:8021:a:b:c").password()).isEqualTo("a:b:c");
    }

    @Test
    void an_ipv6_host_is_written_in_brackets() {
        EslConnection connection = EslConnection.parse("[fd00::11]:8022:s3cret");

        assertThat(connection.host()).isEqualTo("fd00::11");
        assertThat(connection.port()).isEqualTo(8022);
        assertThat(connection.address()).isEqualTo("[fd00::11]:8022");
    }

    @Test
    void an_unset_or_blank_variable_means_no_media_servers() {
        assertThat(EslConnection.parseAll(null)).isEmpty();
        assertThat(EslConnection.parseAll("  ")).isEmpty();
        assertThat(EslConnection.parseAll("fs1:8021:x,,")).hasSize(1);
    }

    @Test
    void a_port_that_is_not_a_number_is_refused_naming_the_variable() {
        assertThatThrownBy(() -> EslConnection.parseAll("fs1:eighty:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_FREESWITCH_HOSTS").hasMessageContaining("fs1");
    }

    @Test
    void a_password_written_where_the_port_goes_is_not_echoed_in_the_error() {
        assertThatThrownBy(() -> EslConnection.parseAll("fs1:s3cret-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_FREESWITCH_HOSTS").hasMessageNotContaining("s3cret-password");
    }

    @Test
    void an_unclosed_ipv6_bracket_is_refused_without_echoing_the_password() {
        assertThatThrownBy(() -> EslConnection.parseAll("[::1:8021:s3cret-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_FREESWITCH_HOSTS").hasMessageNotContaining("s3cret-password");
    }

    @Test
    void text_after_an_ipv6_bracket_is_refused_without_echoing_the_password() {
        assertThatThrownBy(() -> EslConnection.parseAll("[::1]8021:s3cret-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_FREESWITCH_HOSTS").hasMessageContaining("::1")
                .hasMessageNotContaining("s3cret-password");
    }

    @Test
    void a_port_out_of_range_is_refused() {
        assertThatThrownBy(() -> EslConnection.parse("fs1:70000:x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_same_server_listed_twice_is_refused() {
        assertThatThrownBy(() -> EslConnection.parseAll("fs1:8021:a,fs1::b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void the_password_never_shows_in_its_text_form() {
        assertThat(EslConnection.parse("fs1:8021:s3cret").toString()).doesNotContain("s3cret").contains("fs1:8021");
    }
}
