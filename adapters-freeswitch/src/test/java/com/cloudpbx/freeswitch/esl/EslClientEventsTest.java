package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.freeswitch.esl.codec.EslEvent;
import com.cloudpbx.freeswitch.esl.codec.EslFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class EslClientEventsTest extends EslClientTestSupport {

    @Test
    void aPlainEventReachesTheListenerDecoded() throws Exception {
        connected();

        fake.send(EslWire.plainEventFrame(event("CHANNEL_ANSWER", "Unique-ID", "6f1c2a9e",
                "Caller-Caller-ID-Name", "Zoë Müller", "variable_call_id", "_undef_"), ""));

        EslEvent received = listener.nextEvent(WAIT);
        assertThat(received.name()).isEqualTo("CHANNEL_ANSWER");
        assertThat(received.header("Caller-Caller-ID-Name")).contains("Zoë Müller");
        assertThat(received.header("variable_call_id")).isEmpty();
    }

    @Test
    void aJsonEventReachesTheListenerDecoded() throws Exception {
        connected();

        fake.send(EslWire.jsonEventFrame(event("CUSTOM", "Event-Subclass", "valet_parking::info",
                "Action", "hold", "Valet-Extension", "6001"), ""));

        EslEvent received = listener.nextEvent(WAIT);
        assertThat(received.subclass()).contains("valet_parking::info");
        assertThat(received.header("Valet-Extension")).contains("6001");
    }

    @Test
    void anEventTricklingInOneBytePerWriteArrivesWhole() throws Exception {
        connected();

        fake.sendInChunks(EslWire.eventFrame(EslFrame.EVENT_PLAIN, EslWire.hangupComplete()), 1);

        EslEvent received = listener.nextEvent(WAIT);
        assertThat(received.name()).isEqualTo("CHANNEL_HANGUP_COMPLETE");
        assertThat(received.header("variable_billsec")).contains("117");
    }

    @Test
    void eventsSplitIntoOddSizedWritesArriveInOrder() throws Exception {
        connected();
        byte[] stream = EslWire.concat(
                EslWire.plainEventFrame(event("CHANNEL_CREATE", "Unique-ID", "a"), ""),
                EslWire.eventFrame(EslFrame.EVENT_PLAIN, EslWire.hangupComplete()),
                EslWire.plainEventFrame(event("HEARTBEAT", "Event-Info", "System Ready"), ""));

        fake.sendInChunks(stream, 7);

        assertThat(List.of(listener.nextEvent(WAIT).name(), listener.nextEvent(WAIT).name(), listener.nextEvent(WAIT).name()))
                .containsExactly("CHANNEL_CREATE", "CHANNEL_HANGUP_COMPLETE", "HEARTBEAT");
    }

    @Test
    void manyEventsPackedIntoOneWriteAllArriveInOrder() throws Exception {
        connected();

        fake.sendPacked(List.of(
                EslWire.plainEventFrame(event("CHANNEL_CREATE", "Event-Sequence", "1"), ""),
                EslWire.jsonEventFrame(event("CHANNEL_PROGRESS", "Event-Sequence", "2"), ""),
                EslWire.plainEventFrame(event("CHANNEL_ANSWER", "Event-Sequence", "3"), ""),
                EslWire.plainEventFrame(event("CHANNEL_BRIDGE", "Event-Sequence", "4"), "")));

        for (String sequence : List.of("1", "2", "3", "4")) {
            assertThat(listener.nextEvent(WAIT).header("Event-Sequence")).contains(sequence);
        }
    }

    @Test
    void anApiResponseBetweenEventsDoesNotDisturbThem() throws Exception {
        connected();

        fake.sendPacked(List.of(
                EslWire.plainEventFrame(event("DTMF", "DTMF-Digit", "1"), ""),
                EslWire.apiResponse("+OK\n"),
                EslWire.plainEventFrame(event("DTMF", "DTMF-Digit", "2"), "")));

        assertThat(listener.nextEvent(WAIT).header("DTMF-Digit")).contains("1");
        assertThat(listener.nextEvent(WAIT).header("DTMF-Digit")).contains("2");
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void anEventThatDoesNotParseIsSkippedAndTheStreamGoesOn() throws Exception {
        connected();

        fake.sendPacked(List.of(
                EslWire.eventFrame(EslFrame.EVENT_JSON, EslWire.bytes("{\"Event-Name\": oops")),
                EslWire.plainEventFrame(event("RECORD_START", "Unique-ID", "x"), "")));

        assertThat(listener.nextEvent(WAIT).name()).isEqualTo("RECORD_START");
        assertThat(client.isConnected()).isTrue();
    }
}
