package com.cloudpbx.freeswitch.esl.codec;

import static com.cloudpbx.freeswitch.esl.EslWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    @Test
    void escapes_become_utf8_bytes_and_everything_else_stays() {
        assertThat(decode("Zo%C3%AB%20M%C3%BCller")).isEqualTo("Zoë Müller");
        assertThat(decode("%F0%9F%98%80 ok")).isEqualTo("😀 ok");
        assertThat(decode("a+b%2Bc")).isEqualTo("a+b+c");
        assertThat(decode("%3a%3A")).isEqualTo("::");
        assertThat(decode("")).isEmpty();
        assertThat(decode("plain-value_1.2")).isEqualTo("plain-value_1.2");
    }

    @Test
    void a_percent_without_two_hex_digits_is_kept() {
        assertThat(decode("50%")).isEqualTo("50%");
        assertThat(decode("%4")).isEqualTo("%4");
        assertThat(decode("%")).isEqualTo("%");
        assertThat(decode("%zz%4g")).isEqualTo("%zz%4g");
        assertThat(decode("%%41")).isEqualTo("%A");
    }

    @Test
    void raw_utf8_from_a_peer_that_does_not_encode_reads_too() {
        assertThat(decode("Zoë %C3%BC")).isEqualTo("Zoë ü");
        assertThat(decode("😀%20")).isEqualTo("😀 ");
    }

    @Test
    void a_half_escaped_character_reads_as_a_replacement_not_an_error() {
        assertThat(decode("%C3")).isEqualTo("\uFFFD");
    }

    @Test
    void only_the_given_range_is_decoded() {
        byte[] line = bytes("Name: a%20b\nNext: c");

        assertThat(PercentDecoding.decode(line, 6, 11)).isEqualTo("a b");
    }

    private static String decode(String text) {
        byte[] bytes = bytes(text);
        String decoded = PercentDecoding.decode(bytes, 0, bytes.length);
        assertThat(decoded).isEqualTo(ReferencePlainEvent.percentDecode(text));
        return decoded;
    }
}
