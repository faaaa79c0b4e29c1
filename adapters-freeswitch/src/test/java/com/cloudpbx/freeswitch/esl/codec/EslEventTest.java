package com.cloudpbx.freeswitch.esl.codec;

import static com.cloudpbx.freeswitch.esl.EslWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.freeswitch.esl.EslWire;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EslEventTest {

    @Test
    void plainEventValuesArePercentDecodedAsUtf8() {
        EslEvent event = EslEvent.parsePlain(bytes(
                "Event-Name: CHANNEL_CREATE\nCaller-Caller-ID-Name: Zo%C3%AB%20M%C3%BCller\n\n"));

        assertThat(event.header("Caller-Caller-ID-Name")).contains("Zoë Müller");
    }

    @Test
    void aPlusSignStaysAPlusSign() {
        EslEvent event = EslEvent.parsePlain(bytes("Caller-Destination-Number: +14155550123\n\n"));

        assertThat(event.header("Caller-Destination-Number")).contains("+14155550123");
    }

    @Test
    void aPercentSignWithoutTwoHexDigitsIsKept() {
        EslEvent event = EslEvent.parsePlain(bytes("variable_progress: 50%\n\n"));

        assertThat(event.header("variable_progress")).contains("50%");
    }

    @Test
    void anUndefValueReadsAsAbsent() {
        EslEvent event = EslEvent.parsePlain(bytes("Event-Name: CHANNEL_ANSWER\nvariable_call_id: _undef_\n\n"));

        assertThat(event.header("variable_call_id")).isEmpty();
        assertThat(event.headers()).containsOnlyKeys("Event-Name");
    }

    @Test
    void anEmptyValueStaysAnEmptyString() {
        EslEvent event = EslEvent.parsePlain(bytes("variable_sip_h_X-Tag: \n\n"));

        assertThat(event.header("variable_sip_h_X-Tag")).contains("");
    }

    @Test
    void aPlainEventCarryingItsOwnBodyKeepsTheBodyAndDropsTheFramingLength() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Event-Name", "BACKGROUND_JOB");
        headers.put("Job-UUID", "7f4db78a-17d7-11dd-b7a0-db4edd065621");

        EslEvent event = EslEvent.parsePlain(EslWire.plainEvent(headers, "+OK 9a3c-uuid\n"));

        assertThat(event.body()).isEqualTo("+OK 9a3c-uuid\n");
        assertThat(event.headers()).doesNotContainKey("Content-Length");
        assertThat(event.jobUuid()).contains("7f4db78a-17d7-11dd-b7a0-db4edd065621");
    }

    @Test
    void anEventBodyLengthCountsBytes() {
        EslEvent event = EslEvent.parsePlain(EslWire.plainEvent(Map.of("Event-Name", "CUSTOM"), "Grüße"));

        assertThat(event.body()).isEqualTo("Grüße");
    }

    @Test
    void aJsonEventReadsIntoTheSameHeadersWithItsBodyApart() {
        EslEvent event = EslEvent.parseJson("""
                {"Event-Name":"BACKGROUND_JOB","Job-UUID":"abc","Job-Command":"originate","_body":"-ERR USER_BUSY\\n"}""");

        assertThat(event.name()).isEqualTo("BACKGROUND_JOB");
        assertThat(event.headers()).containsOnlyKeys("Event-Name", "Job-UUID", "Job-Command");
        assertThat(event.body()).isEqualTo("-ERR USER_BUSY\n");
    }

    @Test
    void jsonValuesAreTakenLiterallyNotPercentDecoded() {
        EslEvent event = EslEvent.parseJson("{\"variable_note\":\"100%20sure \\u00e9\"}");

        assertThat(event.header("variable_note")).contains("100%20sure é");
    }

    @Test
    void aJsonArrayValueReadsInFreeswitchArrayForm() {
        EslEvent event = EslEvent.parseJson("{\"variable_originate_causes\":[\"a;NONE\",\"b;USER_BUSY\"]}");

        assertThat(event.header("variable_originate_causes")).contains("ARRAY::a;NONE|:b;USER_BUSY");
    }

    @Test
    void anUndefJsonValueReadsAsAbsent() {
        EslEvent event = EslEvent.parseJson("{\"Event-Name\":\"CHANNEL_PARK\",\"variable_x\":\"_undef_\"}");

        assertThat(event.header("variable_x")).isEmpty();
    }

    @Test
    void aCustomEventNamesItsSubclass() {
        EslEvent event = EslEvent.parsePlain(bytes(
                "Event-Name: CUSTOM\nEvent-Subclass: conference%3A%3Amaintenance\nAction: add-member\n\n"));

        assertThat(event.name()).isEqualTo("CUSTOM");
        assertThat(event.subclass()).contains("conference::maintenance");
    }

    @Test
    void aRepeatedHeaderKeepsItsFirstPositionAndLastValue() {
        EslEvent event = EslEvent.parsePlain(bytes("A: 1\nB: 2\nA: 3\n\n"));

        assertThat(event.headers()).containsExactly(Map.entry("A", "3"), Map.entry("B", "2"));
    }

    @Test
    void anEventOfManyShortHeadersReadsThemAll() {
        StringBuilder serialized = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            serialized.append('h').append(i).append(": ").append(i).append('\n');
        }

        EslEvent event = EslEvent.parsePlain(bytes(serialized.append('\n').toString()));

        assertThat(event.headers()).hasSize(1_000).containsEntry("h0", "0").containsEntry("h999", "999");
    }

    @Test
    void aRealHangupCompleteEventReadsEveryHeader() {
        EslEvent event = EslEvent.parsePlain(EslWire.hangupComplete());

        assertThat(event.headers()).hasSize(231);
        assertThat(event.name()).isEqualTo("CHANNEL_HANGUP_COMPLETE");
        assertThat(event.uniqueId()).contains("6f1c2a9e-3b7d-4c1e-9a55-0c2f8e7d4b13");
        assertThat(event.header("Hangup-Cause")).contains("NORMAL_CLEARING");
        assertThat(event.header("Event-Date-Local")).contains("2025-03-14 09:26:53");
        assertThat(event.header("variable_billsec")).contains("117");
        assertThat(event.header("variable_duration")).contains("123");
        assertThat(event.header("variable_effective_caller_id_name")).contains("Zoë Müller (Front desk)");
        assertThat(event.header("variable_switch_r_sdp")).hasValueSatisfying(sdp -> assertThat(sdp).startsWith("v=0\r\n"));
        assertThat(event.header("variable_api_idempotency_key")).isEmpty();
    }

    @Test
    void theJsonFormOfAnEventReadsTheSameAsItsPlainForm() {
        EslEvent plain = EslEvent.parsePlain(EslWire.hangupComplete());

        EslEvent json = EslEvent.parseJson(new String(EslWire.jsonEvent(plain.headers(), ""), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(json.headers()).containsExactlyEntriesOf(plain.headers());
    }
}
