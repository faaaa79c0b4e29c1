package com.cloudpbx.freeswitch.esl.codec;

import static com.cloudpbx.freeswitch.esl.EslWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.freeswitch.esl.EslWire;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A connection reads plain events with layouts learned from earlier events of the same kind; every
 * event must read exactly as the plain rules say ({@link ReferencePlainEvent}), whatever the
 * layout expected: same headers in another order, some missing, some new, repeated, undefined.
 */
class PlainEventReaderTest {

    private final PlainEventReader reader = new PlainEventReader();

    @Test
    void theSameKindOfEventAgainReadsTheSame() {
        byte[] event = EslWire.hangupComplete();

        for (int i = 0; i < 3; i++) {
            assertThat(assertReadsAsReference(event)).isInstanceOf(LayoutHeaders.class);
        }
    }

    @Test
    void anEventWithHeadersMissingReorderedAddedAndRepeatedStillReadsRight() {
        assertReadsAsReference(bytes("Event-Name: CHANNEL_ANSWER\nA: 1\nB: 2\nC: 3\nD: 4\n\n"));

        assertThat(assertReadsAsReference(bytes("Event-Name: CHANNEL_ANSWER\nA: 1\nC: 3\nD: 4\n\n")))
                .isInstanceOf(LayoutHeaders.class);
        assertThat(assertReadsAsReference(bytes("Event-Name: CHANNEL_ANSWER\nD: 4\nC: 3\nB: 2\nA: 1\n\n")))
                .isInstanceOf(LayoutHeaders.class);
        assertReadsAsReference(bytes("Event-Name: CHANNEL_ANSWER\nA: 1\nB: 2\nNew: 9\nC: 3\nD: 4\n\n"));
        assertReadsAsReference(bytes("Event-Name: CHANNEL_ANSWER\nA: 1\nB: 2\nA: 5\nC: 3\nB: 6\n\n"));
        assertReadsAsReference(bytes("Event-Name: CHANNEL_ANSWER\nA: 1\nB: 2\nC: 3\nD: 4\n\n"));
    }

    @Test
    void aHeaderUndefinedInOneEventAndSetInTheNextReadsRightInBoth() {
        assertReadsAsReference(bytes("Event-Name: CUSTOM\nA: _undef_\nB: 2\n\n"));
        assertReadsAsReference(bytes("Event-Name: CUSTOM\nA: 1\nB: _undef_\n\n"));
        assertReadsAsReference(bytes("Event-Name: CUSTOM\nA: _undef_\r\nB:_undef_\n\n"));
    }

    @Test
    void anEventWithItsOwnBodyKeepsTheBodyOutOfTheHeaders() {
        byte[] job = bytes("Event-Name: BACKGROUND_JOB\nJob-UUID: 7f4d\nContent-Length: 13\n\n+OK 9a3c-uuid");

        assertReadsAsReference(job);
        PlainHeaders headers = assertReadsAsReference(job);

        assertThat(headers).doesNotContainKey("Content-Length");
        assertThat(EslEvent.plain(job, headers).body()).isEqualTo("+OK 9a3c-uuid");
    }

    @Test
    void linesWrittenOtherWaysReadAsTheRulesSay() {
        String[] events = {
            "Event-Name: X\nNo-Space:value\nTwo-Spaces:  value\nCRLF: value\r\nEmpty: \nBare:\n\n",
            "Event-Name: X\nno colon here\n: empty name\nA: 1\n\n",
            "Event-Name: X\nColons: a:b:c\nPercent-End: 50%\nPercent-Short: %4\nNot-Hex: %zz%\n\n",
            "Event-Name: X\nUTF8: Zo%C3%AB%20M%C3%BCller\nRaw: Zoë %C3%BC\nEmoji: %F0%9F%98%80\n\n",
            "Event-Name: X\nNämé: raw name\nA: 1\n\n",
            "Event-Name: X\nA: 1\nB: 2",
            "Event-Name: X\nA: 1\nB: 2\n",
            "\nEvent-Name: X\nA: 1\n\n",
            "Event-Name: X\n\n",
        };
        for (int round = 0; round < 2; round++) {
            for (String event : events) {
                assertReadsAsReference(bytes(event));
            }
        }
    }

    @Test
    void aPercentEscapeIsDecodedOnlyWhenTwoHexDigitsFollow() {
        PlainHeaders headers = reader.read(bytes("Event-Name: X\nA: 100%\nB: %2\nC: %41%4\nD: %%41\nE: +%2B\n\n"));

        assertThat(headers).containsEntry("A", "100%").containsEntry("B", "%2").containsEntry("C", "A%4")
                .containsEntry("D", "%A").containsEntry("E", "++");
    }

    @Test
    void namesAreLookedUpExactly() {
        PlainHeaders headers = reader.read(bytes("Event-Name: X\nCaller-Caller-ID-Name: a\nCaller-Callee-ID-Name: b\nNämé: c\n\n"));

        assertThat(headers.get("Caller-Caller-ID-Name")).isEqualTo("a");
        assertThat(headers.get("Caller-Callee-ID-Name")).isEqualTo("b");
        assertThat(headers.get("Nämé")).isEqualTo("c");
        assertThat(headers.get("caller-caller-id-name")).isNull();
        assertThat(headers.get("Caller-Caller-ID-Nam")).isNull();
        assertThat(headers.get(42)).isNull();
        assertThat(headers.containsKey("Event-Name")).isTrue();
    }

    @Test
    void eventsOfManyKindsAndShapesReadAsTheRulesSay() {
        Random random = new Random(20250314);
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            kinds.add("KIND_" + i);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            names.add(random.nextBoolean() ? "variable_name_" + i : "Caller-Header-" + "x".repeat(i % 40) + i);
        }
        for (int event = 0; event < 3_000; event++) {
            // A few kinds most of the time, so that layouts are learned, reused and outgrown.
            String kind = kinds.get(random.nextInt(10) < 8 ? random.nextInt(3) : random.nextInt(kinds.size()));
            assertReadsAsReference(randomEvent(random, kind, names));
        }
    }

    @Test
    void framesDecodedByOneConnectionCarryEventsThatReadAsTheRulesSay() {
        Random random = new Random(7);
        List<String> names = List.of("Unique-ID", "Hangup-Cause", "variable_billsec", "Caller-Caller-ID-Name", "Event-Sequence");
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(randomEvent(random, i % 2 == 0 ? "CHANNEL_ANSWER" : "CHANNEL_HANGUP", names));
        }
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
        for (byte[] event : events) {
            channel.writeInbound(Unpooled.wrappedBuffer(EslWire.eventFrame(EslFrame.EVENT_PLAIN, event)));
        }

        for (byte[] event : events) {
            EslFrame frame = channel.readInbound();
            ReferencePlainEvent expected = ReferencePlainEvent.of(event);
            assertThat(frame.event()).isNotNull();
            assertThat(EslEvent.parse(frame).headers()).containsExactlyEntriesOf(expected.headers());
            assertThat(EslEvent.parse(frame).body()).isEqualTo(expected.body());
        }
    }

    @Test
    void aFrameWhoseEventDoesNotParseFailsWhereEventsAreParsedNotInTheDecoder() {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());

        channel.writeInbound(Unpooled.wrappedBuffer(EslWire.eventFrame(EslFrame.EVENT_PLAIN,
                bytes("Event-Name: BACKGROUND_JOB\nContent-Length: lots\n\nbody"))));

        EslFrame frame = channel.readInbound();
        assertThat(frame.event()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EslEvent.parse(frame))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lots");
    }

    private PlainHeaders assertReadsAsReference(byte[] event) {
        ReferencePlainEvent expected = ReferencePlainEvent.of(event);
        PlainHeaders read = reader.read(event);
        PlainHeaders indexed = IndexedHeaders.parse(event);
        for (PlainHeaders headers : List.of(read, indexed)) {
            assertThat(headers).as(new String(event, StandardCharsets.UTF_8)).containsExactlyEntriesOf(expected.headers());
            assertThat(headers.contentLength()).isEqualTo(expected.contentLength());
            assertThat(EslEvent.plain(event, headers).body()).isEqualTo(expected.body());
            for (Map.Entry<String, String> header : expected.headers().entrySet()) {
                assertThat(headers.get(header.getKey())).isEqualTo(header.getValue());
            }
            assertThat(headers.get("Not-A-Header")).isNull();
        }
        return read;
    }

    private static byte[] randomEvent(Random random, String kind, List<String> names) {
        StringBuilder out = new StringBuilder("Event-Name: ").append(kind).append('\n');
        int half = names.size() / 2;
        List<String> chosen = new ArrayList<>(names.subList(0, half + 1 + random.nextInt(names.size() - half)));
        if (random.nextInt(4) == 0) {
            Collections.swap(chosen, random.nextInt(chosen.size()), random.nextInt(chosen.size()));
        }
        if (random.nextInt(4) == 0) {
            chosen.remove(random.nextInt(chosen.size()));
        }
        if (random.nextInt(8) == 0) {
            chosen.add(random.nextInt(chosen.size()), "Rare-" + random.nextInt(1_000));
        }
        if (random.nextInt(8) == 0) {
            chosen.add(chosen.get(random.nextInt(chosen.size())));
        }
        for (String name : chosen) {
            out.append(name).append(random.nextInt(20) == 0 ? ":" : ": ").append(randomValue(random));
            out.append(random.nextInt(20) == 0 ? "\r\n" : "\n");
        }
        if (random.nextInt(10) == 0) {
            String body = "+OK " + "é".repeat(random.nextInt(3)) + "\n\nline";
            out.append("Content-Length: ").append(bytes(body).length).append("\n\n").append(body);
        } else if (random.nextInt(20) != 0) {
            out.append('\n');
        }
        return bytes(out.toString());
    }

    private static String randomValue(Random random) {
        String[] pieces = {"", "abc", "12345", "6f1c2a9e-3b7d-4c1e-9a55-0c2f8e7d4b13", "%20", "%3A", "%C3%A9", "%",
            "%4", "%zz", "é", "_undef_", "a:b", " ", "+", "x".repeat(40)};
        if (random.nextInt(10) == 0) {
            return "_undef_";
        }
        StringBuilder value = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            value.append(pieces[random.nextInt(pieces.length)]);
        }
        return value.toString();
    }
}
