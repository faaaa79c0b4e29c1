package com.cloudpbx.freeswitch.esl.codec;

import static com.cloudpbx.freeswitch.esl.EslWire.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

    @Test
    void findsTheFirstMatchAtEveryOffsetAndNearBothEnds() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = bytes("a".repeat(length));
                bytes[at] = '\n';
                for (int from = 0; from <= length; from++) {
                    int expected = from <= at ? at : -1;
                    assertThat(ByteScan.indexOf(bytes, from, length, (byte) '\n')).isEqualTo(expected);
                    assertThat(PlainLines.position(PlainLines.nameEnd(bytes, from, length))).isEqualTo(expected < 0 ? length : expected);
                }
                assertThat(ByteScan.indexOf(bytes, 0, at, (byte) '\n')).isEqualTo(-1);
            }
        }
    }

    @Test
    void aByteJustAboveAMatchIsNotTakenForOne() {
        // The word test flags 0x0B after a '\n' too (a borrow); the first flag must still be the '\n'.
        byte[] bytes = {'a', 'b', 0x0B, 0x0B, '\n', 0x0B, '\n', 'c', 'd'};

        assertThat(ByteScan.indexOf(bytes, 0, bytes.length, (byte) '\n')).isEqualTo(4);
        assertThat(ByteScan.indexOf(bytes, 5, bytes.length, (byte) '\n')).isEqualTo(6);
    }

    @Test
    void bytesAboveAsciiAreNeverTakenForAMatch() {
        byte[] bytes = new byte[64];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x80 | '\n');
        }
        bytes[50] = ':';

        assertThat(ByteScan.indexOf(bytes, 0, bytes.length, (byte) '\n')).isEqualTo(-1);
        assertThat(PlainLines.position(PlainLines.nameEnd(bytes, 0, bytes.length))).isEqualTo(50);
        assertThat(PlainLines.nonAscii(PlainLines.nameEnd(bytes, 0, bytes.length))).isTrue();
        assertThat(PlainLines.nonAscii(PlainLines.nameEnd(bytes("Event-Name: é"), 0, 13))).isFalse();
        assertThat(ByteScan.indexOfQuoteOrBackslash(bytes(" \" "), 0, 3)).isEqualTo(1);
        assertThat(ByteScan.indexOfQuoteOrBackslash(bytes("0123456789\\\""), 0, 12)).isEqualTo(10);
    }

    @Test
    void asciiChecksSeeAHighByteAnywhere() {
        for (int length = 1; length < 30; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = bytes("x".repeat(length));
                assertThat(ByteScan.isAscii(bytes, 0, length)).isTrue();
                assertThat(ByteScan.isPlainAscii(bytes, 0, length, (byte) '%')).isTrue();
                bytes[at] = (byte) 0xC3;
                assertThat(ByteScan.isAscii(bytes, 0, length)).isFalse();
                assertThat(ByteScan.isPlainAscii(bytes, 0, length, (byte) '%')).isFalse();
                bytes[at] = '%';
                assertThat(ByteScan.isAscii(bytes, 0, length)).isTrue();
                assertThat(ByteScan.isPlainAscii(bytes, 0, length, (byte) '%')).isFalse();
            }
        }
    }

    @Test
    void equalRunsAreEqualAndOneDifferentByteAnywhereIsNot() {
        Random random = new Random(1);
        for (int length = 0; length < 40; length++) {
            byte[] a = new byte[length + 3];
            random.nextBytes(a);
            byte[] b = new byte[length + 5];
            System.arraycopy(a, 1, b, 4, length);
            assertThat(ByteScan.equals(a, 1, b, 4, length)).isTrue();
            for (int at = 0; at < length; at++) {
                b[4 + at] ^= 1;
                assertThat(ByteScan.equals(a, 1, b, 4, length)).isFalse();
                b[4 + at] ^= 1;
            }
        }
    }

    @Test
    void aNameHashesTheSameFromBytesAndFromAString() {
        for (int length = 1; length < 50; length++) {
            String name = "variable_sip_h_X-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN".substring(0, length);
            byte[] padded = bytes("::" + name + ": value");
            byte[] exact = bytes(name);

            assertThat(NameHash.of(padded, 2, 2 + name.length())).isEqualTo(NameHash.of(name));
            assertThat(NameHash.of(exact, 0, exact.length)).isEqualTo(NameHash.of(name));
        }
    }
}
