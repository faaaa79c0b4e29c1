package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.routing.SipTrunk;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the FreeSWITCH adapter sends for trunk gateways, and what an unreachable switch means. */
class EslTrunkGatewaysTest {

    private final List<AutoCloseable> started = new ArrayList<>();

    @Test
    void syncKillsTheGatewayOnTheExternalProfileAndRescansIt() {
        ScriptedFreeSwitch freeSwitch = scripted();
        var gateways = new EslTrunkGateways(connected(freeSwitch));
        SipTrunk trunk = trunk();

        gateways.sync(trunk);

        assertThat(freeSwitch.apiCommands()).containsSubsequence(
                "sofia profile external killgw " + trunk.gatewayName(), "sofia profile external rescan");
    }

    @Test
    void statusAsksForTheGatewaysXmlStatus() {
        ScriptedFreeSwitch freeSwitch = scripted();
        var gateways = new EslTrunkGateways(connected(freeSwitch));
        SipTrunk trunk = trunk();

        gateways.status(trunk.gatewayName());

        assertThat(freeSwitch.apiCommands()).contains("sofia xmlstatus gateway " + trunk.gatewayName());
    }

    @Test
    void aSwitchThatCannotBeReachedIsUnavailableForStatusAndSync() {
        EslMediaServer media = EslMediaServerFixture.unstarted(aPortNothingListensOn());
        media.start();
        started.add(media);
        var gateways = new EslTrunkGateways(media);

        assertThatThrownBy(() -> gateways.status(trunk().gatewayName())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        assertThatThrownBy(() -> gateways.sync(trunk())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private ScriptedFreeSwitch scripted() {
        ScriptedFreeSwitch freeSwitch = new ScriptedFreeSwitch(UUID.randomUUID(), "acme.sip.example.com",
                EslMediaServerFixture.PASSWORD);
        started.add(freeSwitch);
        return freeSwitch;
    }

    private EslMediaServer connected(ScriptedFreeSwitch freeSwitch) {
        EslMediaServer media = EslMediaServerFixture.connectedTo(freeSwitch.start());
        started.add(media);
        return media;
    }

    private static SipTrunk trunk() {
        Instant now = Instant.parse("2026-03-01T09:30:00Z");
        return new SipTrunk(UUID.randomUUID(), null, "carrier", null, "sip.carrier.example", "user", "v1:x", "udp",
                List.of("PCMU"), true, 30, true, now, now);
    }

    private static int aPortNothingListensOn() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
