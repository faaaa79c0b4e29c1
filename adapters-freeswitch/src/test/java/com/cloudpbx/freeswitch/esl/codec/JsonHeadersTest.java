package com.cloudpbx.freeswitch.esl.codec;

import static com.cloudpbx.freeswitch.esl.EslWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.cloudpbx.freeswitch.esl.EslWire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A text/event-json frame is read from its bytes; it must read exactly as the text reader reads the
 * same JSON ({@link EslEvent#parseJson(String)}), malformed JSON included.
 */
class JsonHeadersTest {

    @Test
    void aRealHangupEventReadsFromBytesAsFromText() {
        EslEvent plain = EslEvent.parsePlain(EslWire.hangupComplete());
        byte[] json = EslWire.jsonEvent(plain.headers(), "+OK done\n");

        assertThat(JsonHeaders.parse(json)).isNotNull();
        EslEvent event = assertReadsAsText(json);
        assertThat(event.headers()).containsExactlyEntriesOf(plain.headers());
        assertThat(event.body()).isEqualTo("+OK done\n");
    }

    @Test
    void valuesOfEveryKindReadAsTheTextReaderReadsThem() {
        List<String> objects = List.of(
                "{}",
                " { } ",
                "{\"Event-Name\":\"CHANNEL_PARK\",\"variable_x\":\"_undef_\",\"Content-Length\":\"12\"}",
                "{\"a\":\"q\\\"uote\\\\back\\/slash\\b\\f\\n\\r\\t\",\"b\":\"\\u00e9\\ud83d\\ude00\"}",
                "{\"n\":123,\"m\":-1.5e3,\"t\":true,\"f\":false,\"z\":null,\"s\":\"x\"}",
                "{\"causes\":[\"a;NONE\",\"b;USER_BUSY\"],\"empty\":[],\"nested\":{\"k\":\"v\",\"l\":[1,{\"m\":\"]\"}]}}",
                "{\"A\":\"1\",\"B\":\"2\",\"A\":\"3\"}",
                "{\"A\":\"1\",\"A\":\"_undef_\"}",
                "{\"_body\":\"-ERR USER_BUSY\\n\",\"Job-UUID\":\"abc\"}",
                "{\"_body\":null,\"x\":\"y\"}",
                "{\"_body\":42}",
                "{\n\t\"Event-Name\":\t\"CUSTOM\",\n\t\"Event-Subclass\" : \"conference::maintenance\"\n}",
                "{\"Zoë\":\"Müller\",\"esc\\u0041ped\":\"name\",\"raw\":\"100%20sure é\"}",
                "{\"undef-escaped\":\"\\u005fundef_\",\"empty\":\"\"}",
                "{\"a\":\"1\"} trailing text is ignored");
        for (String json : objects) {
            assertReadsAsText(bytes(json));
        }
    }

    @Test
    void malformedJsonFailsAsTheTextReaderSays() {
        List<String> broken = List.of(
                "", "[]", "{", "{\"a\"", "{\"a\":", "{\"a\":\"1\"", "{\"a\":\"1\",}", "{\"a\" \"1\"}",
                "{\"a\":\"unterminated}", "{\"a\":\"bad \\x escape\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12zz\"}",
                "{\"a\":tru}", "{\"a\":nul}", "{\"a\":@}", "{\"a\":[1,2}", "{\"a\":\"1\" \"b\":\"2\"}", "{a:1}",
                "{\"a\":\"trailing backslash\\");
        for (String json : broken) {
            assertReadsAsText(bytes(json));
        }
    }

    @Test
    void manyMembersGrowTheIndexAndAllRead() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 2_000; i++) {
            headers.put("h" + i, "v" + i);
        }

        EslEvent event = assertReadsAsText(EslWire.jsonEvent(headers, ""));

        assertThat(event.headers()).hasSize(2_000).containsEntry("h0", "v0").containsEntry("h1999", "v1999");
    }

    /** Reads a JSON event frame both ways; both fail alike or read the same headers in the same order. */
    private static EslEvent assertReadsAsText(byte[] json) {
        EslFrame frame = new EslFrame(Map.of(EslFrame.CONTENT_TYPE, EslFrame.EVENT_JSON), json);
        String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        Throwable expectedFailure = catchThrowable(() -> EslEvent.parseJson(text));
        Throwable failure = catchThrowable(() -> EslEvent.parse(frame));
        if (expectedFailure != null) {
            assertThat(failure).as(text).isNotNull().hasSameClassAs(expectedFailure).hasMessage(expectedFailure.getMessage());
            return null;
        }
        assertThat(failure).as(text).isNull();
        EslEvent expected = EslEvent.parseJson(text);
        EslEvent event = EslEvent.parse(frame);
        assertThat(event.headers()).as(text).containsExactlyEntriesOf(expected.headers());
        assertThat(event.body()).as(text).isEqualTo(expected.body());
        for (Map.Entry<String, String> header : expected.headers().entrySet()) {
            assertThat(event.headers().get(header.getKey())).isEqualTo(header.getValue());
        }
        assertThat(event.headers().get("not-there")).isNull();
        return event;
    }
}
