package com.cloudpbx.freeswitch.esl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.freeswitch.esl.EslWire;
import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

/** The decode benchmark weighs the two JSON event readers on the same work: the same event out. */
class JacksonEventReaderTest {

    @Test
    void aRealHangupEventReadsAsTheClientsOwnReaderReadsIt() {
        EslEvent plain = EslEvent.parsePlain(EslWire.hangupComplete());
        byte[] json = EslWire.jsonEvent(plain.headers(), "+OK done\n");

        EslEvent event = new JacksonEventReader(new JsonFactory()).read(json);

        EslEvent expected = EslEvent.parse(new EslFrame(java.util.Map.of(EslFrame.CONTENT_TYPE, EslFrame.EVENT_JSON), json));
        assertThat(event.headers()).containsExactlyEntriesOf(expected.headers());
        assertThat(event.body()).isEqualTo(expected.body()).isEqualTo("+OK done\n");
    }
}
