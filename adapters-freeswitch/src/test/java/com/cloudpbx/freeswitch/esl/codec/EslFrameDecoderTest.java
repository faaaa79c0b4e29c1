package com.cloudpbx.freeswitch.esl.codec;

import static com.cloudpbx.freeswitch.esl.EslWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.freeswitch.esl.EslWire;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EslFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());

    @Test
    void aHeaderOnlyFrameEndsAtTheBlankLine() {
        write(bytes("Content-Type: auth/request\n\n"));

        EslFrame frame = channel.readInbound();
        assertThat(frame.contentType()).isEqualTo(EslFrame.AUTH_REQUEST);
        assertThat(frame.body()).isEmpty();
    }

    @Test
    void headersKeepTheirOrderAndValues() {
        write(bytes("Content-Type: command/reply\nReply-Text: +OK Job-UUID: 42\nJob-UUID: 42\n\n"));

        EslFrame frame = channel.readInbound();
        assertThat(frame.headers()).containsExactly(
                Map.entry("Content-Type", "command/reply"),
                Map.entry("Reply-Text", "+OK Job-UUID: 42"),
                Map.entry("Job-UUID", "42"));
    }

    @Test
    void headerLinesInOtherFormsReadAsBefore() {
        write(bytes("Content-Type: command/reply\r\nReply-Text:+OK Zoë\r\nno colon\n: no name\nX-Empty: \nX-Type: text/x\n\n"));

        EslFrame frame = channel.readInbound();
        assertThat(frame.headers()).containsExactly(
                Map.entry("Content-Type", "command/reply"),
                Map.entry("Reply-Text", "+OK Zoë"),
                Map.entry("X-Empty", ""),
                Map.entry("X-Type", "text/x"));
        assertThat(frame.contentType()).isSameAs(EslFrame.COMMAND_REPLY);
    }

    @Test
    void anUnknownContentTypeIsKeptAsItCame() {
        write(bytes("Content-Type: text/event-xml\nContent-Length: 3\n\n<a>"));

        EslFrame frame = channel.readInbound();
        assertThat(frame.contentType()).isEqualTo("text/event-xml");
        assertThat(frame.bodyText()).isEqualTo("<a>");
        assertThat(frame.event()).isNull();
    }

    @Test
    void aPlainEventFrameCarriesItsEventReadByTheConnection() {
        write(EslWire.eventFrame(EslFrame.EVENT_PLAIN, EslWire.hangupComplete()),
                EslWire.eventFrame(EslFrame.EVENT_PLAIN, EslWire.hangupComplete()));

        for (EslFrame frame : drain(channel)) {
            assertThat(frame.event()).isNotNull();
            assertThat(EslEvent.parse(frame)).isSameAs(frame.event());
            assertThat(frame.event().headers()).containsExactlyEntriesOf(EslEvent.parsePlain(EslWire.hangupComplete()).headers());
        }
    }

    @Test
    void aHeaderBlockLongerThanAnyBeforeIsReadWhole() {
        String longValue = "x".repeat(5_000);
        write(bytes("Content-Type: command/reply\nReply-Text: " + longValue + "\n\n"), EslWire.commandReply("+OK"));

        assertThat(((EslFrame) channel.readInbound()).replyText()).isEqualTo(longValue);
        assertThat(((EslFrame) channel.readInbound()).replyText()).isEqualTo("+OK");
    }

    @Test
    void anEventFrameWithContentLengthBeforeContentTypeReadsItsBody() {
        write(EslWire.eventFrame(EslFrame.EVENT_PLAIN, bytes("Event-Name: HEARTBEAT\n\n")));

        EslFrame frame = channel.readInbound();
        assertThat(frame.contentType()).isEqualTo(EslFrame.EVENT_PLAIN);
        assertThat(frame.bodyText()).isEqualTo("Event-Name: HEARTBEAT\n\n");
    }

    @Test
    void anApiResponseWithContentTypeBeforeContentLengthReadsItsBody() {
        write(EslWire.apiResponse("+OK 3 total.\n"));

        EslFrame frame = channel.readInbound();
        assertThat(frame.contentType()).isEqualTo(EslFrame.API_RESPONSE);
        assertThat(frame.bodyText()).isEqualTo("+OK 3 total.\n");
    }

    @Test
    void aBodyContainingBlankLinesIsTakenWholeByItsLength() {
        byte[] body = bytes("line one\n\nline three\n\n");
        write(EslWire.eventFrame(EslFrame.EVENT_PLAIN, body), EslWire.commandReply("+OK"));

        assertThat(((EslFrame) channel.readInbound()).body()).isEqualTo(body);
        assertThat(((EslFrame) channel.readInbound()).replyText()).isEqualTo("+OK");
    }

    @Test
    void theContentLengthCountsBytesNotCharacters() {
        write(EslWire.apiResponse("Zoë Müller"), EslWire.commandReply("+OK"));

        assertThat(((EslFrame) channel.readInbound()).bodyText()).isEqualTo("Zoë Müller");
        assertThat(((EslFrame) channel.readInbound()).replyText()).isEqualTo("+OK");
    }

    @Test
    void aFrameArrivingOneByteAtATimeDecodesOnceComplete() {
        byte[] frame = EslWire.plainEventFrame(Map.of("Event-Name", "DTMF", "DTMF-Digit", "5"), "");
        for (int i = 0; i < frame.length - 1; i++) {
            write(new byte[] {frame[i]});
            assertThat((Object) channel.readInbound()).isNull();
        }
        write(new byte[] {frame[frame.length - 1]});

        EslFrame decoded = channel.readInbound();
        assertThat(EslEvent.parse(decoded).header("DTMF-Digit")).contains("5");
    }

    @Test
    void framesSplitAtEveryPossiblePointDecodeTheSame() {
        byte[] stream = EslWire.concat(EslWire.commandReply("+OK accepted"),
                EslWire.eventFrame(EslFrame.EVENT_PLAIN, EslWire.hangupComplete()), EslWire.apiResponse("done"));
        for (int split = 1; split < stream.length; split += 97) {
            EmbeddedChannel fresh = new EmbeddedChannel(new EslFrameDecoder());
            fresh.writeInbound(Unpooled.wrappedBuffer(stream, 0, split));
            fresh.writeInbound(Unpooled.wrappedBuffer(stream, split, stream.length - split));

            assertThat(drain(fresh)).extracting(EslFrame::contentType)
                    .containsExactly(EslFrame.COMMAND_REPLY, EslFrame.EVENT_PLAIN, EslFrame.API_RESPONSE);
        }
    }

    @Test
    void severalFramesPackedIntoOneReadAllDecodeInOrder() {
        write(EslWire.concat(
                EslWire.commandReply("+OK accepted"),
                EslWire.plainEventFrame(Map.of("Event-Name", "CHANNEL_CREATE"), ""),
                EslWire.jsonEventFrame(Map.of("Event-Name", "CHANNEL_ANSWER"), ""),
                EslWire.apiResponse("+OK")));

        assertThat(drain(channel)).extracting(EslFrame::contentType).containsExactly(
                EslFrame.COMMAND_REPLY, EslFrame.EVENT_PLAIN, EslFrame.EVENT_JSON, EslFrame.API_RESPONSE);
    }

    @Test
    void aStrayNewlineBetweenFramesIsSkipped() {
        write(EslWire.apiResponse("ok"), bytes("\n"), EslWire.commandReply("+OK"));

        assertThat(drain(channel)).extracting(EslFrame::contentType)
                .containsExactly(EslFrame.API_RESPONSE, EslFrame.COMMAND_REPLY);
    }

    @Test
    void aDisconnectNoticeCarriesItsMessageAsBody() {
        write(EslWire.disconnectNotice("Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n"));

        EslFrame frame = channel.readInbound();
        assertThat(frame.contentType()).isEqualTo(EslFrame.DISCONNECT_NOTICE);
        assertThat(frame.bodyText()).startsWith("Disconnected, goodbye.");
    }

    @Test
    void aHeaderBlockWithoutEndBeyondTheLimitIsRefused() {
        EmbeddedChannel small = new EmbeddedChannel(new EslFrameDecoder(64, 1024));

        assertThatThrownBy(() -> small.writeInbound(Unpooled.wrappedBuffer(bytes("X-Junk: " + "a".repeat(100)))))
                .isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void aContentLengthThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> write(bytes("Content-Type: api/response\nContent-Length: lots\n\n")))
                .isInstanceOf(DecoderException.class)
                .hasMessageContaining("lots");
    }

    private void write(byte[]... parts) {
        channel.writeInbound(Unpooled.wrappedBuffer(EslWire.concat(parts)));
    }

    private static List<EslFrame> drain(EmbeddedChannel channel) {
        List<EslFrame> frames = new ArrayList<>();
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            frames.add((EslFrame) frame);
        }
        return frames;
    }
}
