package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.routing.CallCenterNames;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.WaitingCaller;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EslQueueMonitorTest {

    private static final String DOMAIN = "acme.sip.example.com";

    private ScriptedFreeSwitch freeSwitch;
    private EslMediaServer media;

    @AfterEach
    void stop() {
        if (media != null) {
            media.close();
        }
        if (freeSwitch != null) {
            freeSwitch.close();
        }
    }

    @Test
    void anAgentStatusIsSetOnTheSwitchByItsCallCenterName() {
        EslQueueMonitor monitor = connected();
        String agent = CallCenterNames.agent("1001", DOMAIN);
        freeSwitch.configureAgent(agent);

        monitor.agentStatusChanged(agent, AgentStatus.PAUSED);

        assertThat(freeSwitch.apiCommands()).contains("callcenter_config agent set status " + agent + " 'On Break'");
        assertThat(freeSwitch.agentStatus(agent)).contains("On Break");
    }

    @Test
    void eachStatusHasTheNameModCallcenterGivesIt() {
        assertThat(EslQueueMonitor.label(AgentStatus.AVAILABLE)).isEqualTo("Available");
        assertThat(EslQueueMonitor.label(AgentStatus.BUSY)).isEqualTo("Available");
        assertThat(EslQueueMonitor.label(AgentStatus.PAUSED)).isEqualTo("On Break");
        assertThat(EslQueueMonitor.label(AgentStatus.LOGGED_OUT)).isEqualTo("Logged Out");
    }

    @Test
    void answeredAndAbandonedMembersAreNotWaiting() {
        EslQueueMonitor monitor = connected();
        String queue = CallCenterNames.queue(UUID.randomUUID(), DOMAIN);
        freeSwitch.seatInQueue(queue, "+15550000001", "Talking", 1_700_000_000L, "Answered");
        freeSwitch.seatInQueue(queue, "+15550000002", "Gone", 1_700_000_000L, "Abandoned");
        freeSwitch.seatInQueue(queue, "+15550000003", "Offered", 1_700_000_100L, "Trying");

        assertThat(monitor.waiting(queue)).containsExactly(
                new WaitingCaller("+15550000003", "Offered", Instant.ofEpochSecond(1_700_000_100L)));
    }

    @Test
    void noConnectedSwitchIsA503ForTheWaitingCallers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        media = EslMediaServerFixture.unstarted(closedPort);
        EslQueueMonitor monitor = new EslQueueMonitor(media);

        assertThatThrownBy(() -> monitor.waiting(CallCenterNames.queue(UUID.randomUUID(), DOMAIN)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }

    @Test
    void aNameThatCouldSplitTheCommandIsRefused() {
        EslQueueMonitor monitor = connected();

        assertThatThrownBy(() -> monitor.waiting("q@x.com status 'x'")).isInstanceOf(IllegalArgumentException.class);
    }

    private EslQueueMonitor connected() {
        freeSwitch = new ScriptedFreeSwitch(UUID.randomUUID(), DOMAIN, EslMediaServerFixture.PASSWORD);
        media = EslMediaServerFixture.connectedTo(freeSwitch.start());
        return new EslQueueMonitor(media);
    }
}
