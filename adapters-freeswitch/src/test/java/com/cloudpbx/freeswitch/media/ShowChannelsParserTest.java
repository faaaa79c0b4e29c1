package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.shared.TenantId;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShowChannelsParserTest {

    static final String TENANT = "6f1c2a8e-0b7d-4e5f-9a3c-1d2e3f4a5b6c";
    static final String A = "a1b2c3d4-0000-4000-8000-00000000000a";
    static final String B = "a1b2c3d4-0000-4000-8000-00000000000b";

    private final ShowChannelsParser parser = new ShowChannelsParser(new ObjectMapper());

    /** One row of {@code show channels as json} as FreeSWITCH 1.10 writes it: every column a string. */
    static String row(String uuid, String callState, String presenceData) {
        return """
                {"uuid":"%s","direction":"outbound","created":"2024-05-02 09:15:30","created_epoch":"1714641330",\
                "name":"sofia/internal/1001@acme.sip.example.com","state":"CS_EXCHANGE_MEDIA","cid_name":"Alice Smith",\
                "cid_num":"1001","ip_addr":"10.0.0.17","dest":"1002","application":"bridge",\
                "application_data":"user/1002@acme.sip.example.com","dialplan":"XML","context":"default",\
                "read_codec":"PCMU","read_rate":"8000","read_bit_rate":"64000","write_codec":"PCMU",\
                "write_rate":"8000","write_bit_rate":"64000","secure":"","hostname":"fs1.internal",\
                "presence_id":"1001@acme.sip.example.com","presence_data":"%s","accountcode":"",\
                "callstate":"%s","callee_name":"Outbound Call","callee_num":"1002","callee_direction":"",\
                "call_uuid":"%s","sent_callee_name":"","sent_callee_num":"","initial_cid_name":"Alice Smith",\
                "initial_cid_num":"1001","initial_ip_addr":"10.0.0.17","initial_dest":"1002",\
                "initial_dialplan":"XML","initial_context":"default"}""".formatted(uuid, presenceData, callState, uuid);
    }

    static String tag(String extension) {
        return "voip:" + TENANT + ":" + A + ":internal:" + extension;
    }

    @Test
    void noChannelsIsARowCountOfZeroWithoutRows() {
        assertThat(parser.parse("{\"row_count\":0}\n")).isEmpty();
    }

    @Test
    void aRowTaggedAsOursBecomesALiveChannelOfItsTenantAndCall() {
        String reply = "{\"row_count\":1,\"rows\":[" + row(A, "ACTIVE", tag("1001")) + "]}";

        assertThat(parser.parse(reply)).containsExactly(new LiveChannel(UUID.fromString(A), UUID.fromString(A),
                TenantId.of(UUID.fromString(TENANT)), "1001", "1001", "Alice Smith", "1002", CallDirection.INTERNAL,
                true, false, Instant.ofEpochSecond(1714641330), null, null, null, null));
    }

    @Test
    void everyLegOfACallKeepsTheCallsUuidFromItsTag() {
        String reply = "{\"row_count\":2,\"rows\":[" + row(A, "ACTIVE", tag("1001")) + ","
                + row(B, "ACTIVE", tag("1002")) + "]}";

        assertThat(parser.parse(reply)).extracting(LiveChannel::callUuid).containsOnly(UUID.fromString(A));
    }

    @Test
    void aRingingLegIsNotAnswered() {
        LiveChannel channel = parser.parse("{\"row_count\":1,\"rows\":[" + row(A, "RINGING", tag("1001")) + "]}")
                .getFirst();

        assertThat(channel.answered()).isFalse();
        assertThat(channel.onHold()).isFalse();
    }

    @Test
    void aHeldLegIsAnsweredAndOnHold() {
        LiveChannel channel = parser.parse("{\"row_count\":1,\"rows\":[" + row(A, "HELD", tag("1001")) + "]}")
                .getFirst();

        assertThat(channel.answered()).isTrue();
        assertThat(channel.onHold()).isTrue();
    }

    @Test
    void rowsWithoutOurTagAreNotOurs() {
        String reply = "{\"row_count\":2,\"rows\":[" + row(A, "ACTIVE", "") + "," + row(B, "ACTIVE", "gateway:x") + "]}";

        assertThat(parser.parse(reply)).isEmpty();
    }

    @Test
    void aReplyThatIsNotTheChannelListIsRefusedRatherThanReadAsNoChannels() {
        assertThatThrownBy(() -> parser.parse("-ERR no reply\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse("{\"rows\":[]}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textAfterTheChannelListIsRefused() {
        assertThatThrownBy(() -> parser.parse("{\"row_count\":0} -ERR")).isInstanceOf(IllegalArgumentException.class);
    }
}
