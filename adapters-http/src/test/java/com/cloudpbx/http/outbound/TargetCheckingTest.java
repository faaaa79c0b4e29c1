package com.cloudpbx.http.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.webhooks.AttemptResult;
import com.cloudpbx.core.webhooks.TargetAddresses;
import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a delivery may connect to, with the host lookup scripted as a hostile name server would
 * answer. A receiver listens on the loopback throughout and counts every connection it accepts, so
 * a refused delivery is seen to have connected nowhere; the names resolve only through the scripted
 * lookup, so a delivery that reached a receiver through a name proves the client resolved it there.
 */
class TargetCheckingTest {

    private static final String NAME = "hook.example.com";
    /** TEST-NET-3: a public address as far as the checks go, where nothing answers. */
    private static final String PUBLIC = "203.0.113.10";

    private final TargetAddresses addresses = new TargetAddresses();

    private static String reasonFor(TargetAddresses addresses, String literal) throws IOException {
        return addresses.refusal(InetAddress.getByName(literal)).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "fc00::1", "fe80::1", "::ffff:127.0.0.1", "64:ff9b::a00:1"})
    void aNameResolvingToARefusedAddressIsRefusedWithoutConnecting(String refused) throws IOException {
        ScriptedLookup lookup = ScriptedLookup.always(refused);
        try (TcpReceiver receiver = TcpReceiver.answering("127.0.0.1");
             Outbound outbound = Outbound.builder().allowPorts(receiver.port()).lookup(lookup).start()) {

            AttemptResult result = outbound.sender().send(Outbound.post("http://" + NAME + ":" + receiver.port() + "/"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).isEqualTo("refused to connect to " + NAME + ": "
                    + reasonFor(addresses, refused) + ", which webhooks may not reach");
            assertThat(lookup.calls()).isEqualTo(1);
            assertThat(receiver.accepted()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0"})
    void anAddressLiteralTargetIsCheckedWithoutALookup(String literal) throws IOException {
        ScriptedLookup lookup = ScriptedLookup.always(PUBLIC);
        try (TcpReceiver receiver = TcpReceiver.answering("127.0.0.1");
             Outbound outbound = Outbound.builder().allowPorts(receiver.port()).lookup(lookup).start()) {

            AttemptResult result = outbound.sender().send(Outbound.post("http://" + literal + ":" + receiver.port() + "/"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).startsWith("refused to connect to ").endsWith(", which webhooks may not reach");
            assertThat(lookup.calls()).isZero();
            assertThat(receiver.accepted()).isZero();
        }
    }

    @Test
    void aNameResolvingToOnePublicAndOnePrivateAddressIsRefused() throws IOException {
        ScriptedLookup lookup = ScriptedLookup.always(PUBLIC, "127.0.0.1");
        try (TcpReceiver receiver = TcpReceiver.answering("127.0.0.1");
             Outbound outbound = Outbound.builder().allowPorts(receiver.port()).lookup(lookup).start()) {

            AttemptResult result = outbound.sender().send(Outbound.post("http://" + NAME + ":" + receiver.port() + "/"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error())
                    .isEqualTo("refused to connect to " + NAME + ": 127.0.0.1 is loopback, which webhooks may not reach");
            assertThat(receiver.accepted()).isZero();
        }
    }

    @Test
    void aNameThatRebindsToAPrivateAddressNeverReachesItAndIsLookedUpOncePerAttempt() throws IOException {
        ScriptedLookup lookup = ScriptedLookup.inTurn(PUBLIC, "127.0.0.1");
        try (TcpReceiver receiver = TcpReceiver.answering("127.0.0.1");
             Outbound outbound = Outbound.builder().allowPorts(receiver.port()).connectTimeoutSeconds(1)
                     .lookup(lookup).start()) {
            String url = "http://" + NAME + ":" + receiver.port() + "/";

            AttemptResult first = outbound.sender().send(Outbound.post(url));
            int lookupsAfterFirst = lookup.calls();
            AttemptResult second = outbound.sender().send(Outbound.post(url));

            assertThat(first.statusCode()).isNull();
            assertThat(lookupsAfterFirst).isEqualTo(1);
            assertThat(second.statusCode()).isNull();
            assertThat(second.error())
                    .isEqualTo("refused to connect to " + NAME + ": 127.0.0.1 is loopback, which webhooks may not reach");
            assertThat(lookup.calls()).isEqualTo(2);
            assertThat(receiver.accepted()).isZero();
        }
    }

    @Test
    void aPortThatIsNotAllowedIsRefusedBeforeAnyLookup() {
        ScriptedLookup lookup = ScriptedLookup.always(PUBLIC);
        try (Outbound outbound = Outbound.builder().lookup(lookup).start()) {

            AttemptResult result = outbound.sender().send(Outbound.post("http://" + NAME + ":9999/"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).isEqualTo("port 9999 is not open to webhooks; allowed: [80, 443, 8080, 8443]");
            assertThat(lookup.calls()).isZero();
        }
    }

    @Test
    void allowingPrivateTargetsStillRefusesAPortThatIsNotAllowed() throws IOException {
        ScriptedLookup lookup = ScriptedLookup.always("127.0.0.1");
        try (TcpReceiver receiver = TcpReceiver.answering("127.0.0.1");
             Outbound outbound = Outbound.builder().allowPrivateTargets(true).lookup(lookup).start()) {

            AttemptResult result = outbound.sender().send(Outbound.post("http://" + NAME + ":" + receiver.port() + "/"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).startsWith("port " + receiver.port() + " is not open to webhooks");
            assertThat(receiver.accepted()).isZero();
        }
    }

    @Test
    void theConnectionGoesToTheAddressTheLookupAnsweredWhileTheHostHeaderKeepsTheName() throws IOException {
        ScriptedLookup lookup = ScriptedLookup.inTurn("127.0.0.1", "127.0.0.2");
        try (TcpReceiver receiver = TcpReceiver.answering("127.0.0.1");
             Outbound outbound = Outbound.builder().allowPrivateTargets(true).allowPorts(receiver.port())
                     .lookup(lookup).start()) {
            String url = "http://" + NAME + ":" + receiver.port() + "/hook";

            AttemptResult first = outbound.sender().send(Outbound.post(url));
            AttemptResult second = outbound.sender().send(Outbound.post(url));

            assertThat(first.statusCode()).isEqualTo(204);
            assertThat(receiver.heads().get(0).toLowerCase())
                    .contains("\r\nhost: " + NAME + ":" + receiver.port() + "\r\n");
            assertThat(second.statusCode()).isNull();
            assertThat(second.error()).startsWith("connection to " + NAME + ":" + receiver.port() + " refused");
            assertThat(receiver.accepted()).isEqualTo(1);
            assertThat(lookup.calls()).isEqualTo(2);
        }
    }

    @Test
    void aConnectionTheReceiverKeepsOpenIsUsedAgainWithoutLookingTheNameUpAgain() {
        ScriptedLookup lookup = ScriptedLookup.always("127.0.0.1");
        try (HttpReceiver receiver = HttpReceiver.start().answer("/hook", 200, "ok");
             Outbound outbound = Outbound.builder().allowPrivateTargets(true).allowPorts(receiver.port())
                     .lookup(lookup).start()) {
            String url = "http://" + NAME + ":" + receiver.port() + "/hook";

            AttemptResult first = outbound.sender().send(Outbound.post(url));
            AttemptResult second = outbound.sender().send(Outbound.post(url));

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(lookup.calls()).isEqualTo(1);
        }
    }
}
