package com.cloudpbx.freeswitch.esl.codec;

import static com.cloudpbx.freeswitch.esl.EslWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    @Test
    void escapesBecomeUtf8BytesAndEverythingElseStays() {
        assertThat(decode("Zo%C3%AB%20M%C3%BCller")).isEqualTo("Zoë Müller");
        assertThat(decode("%F0%9F%98%80 ok")).isEqualTo("😀 ok");
        assertThat(decode("a+b%2Bc")).isEqualTo("a+b+c");
        assertThat(decode("%3a%3A")).isEqualTo("::");
        assertThat(decode("")).isEmpty();
        assertThat(decode("plain-value_1.2")).isEqualTo("plain-value_1.2");
    }

    @Test
    void aPercentWithoutTwoHexDigitsIsKept() {
        assertThat(decode("50%")).isEqualTo("50%");
        assertThat(decode("%4")).isEqualTo("%4");
        assertThat(decode("%")).isEqualTo("%");
        assertThat(decode("%zz%4g")).isEqualTo("%zz%4g");
        assertThat(decode("%%41")).isEqualTo("%A");
    }

    @Test
    void rawUtf8FromAPeerThatDoesNotEncodeReadsToo() {
        assertThat(decode("Zoë %C3%BC")).isEqualTo("Zoë ü");
        assertThat(decode("😀%20")).isEqualTo("😀 ");
    }

    @Test
    void aHalfEscapedCharacterReadsAsAReplacementNotAnError() {
        assertThat(decode("%C3")).isEqualTo("\uFFFD");
    }

    @Test
    void onlyTheGivenRangeIsDecoded() {
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
