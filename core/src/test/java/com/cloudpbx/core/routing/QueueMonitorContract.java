package com.cloudpbx.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.port.QueueMonitor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link QueueMonitor} does; each adapter's test extends this. */
public abstract class QueueMonitorContract {

    protected static final String SIP_DOMAIN = "acme.sip.example.com";

    private QueueMonitor monitor;

    /** A monitor of a media server on which no caller waits yet; called before every test. */
    protected abstract QueueMonitor newMonitor();

    /** Puts a caller in the queue, as a call routed there would, since {@code joinedAt} (whole seconds). */
    protected abstract void seat(String queueName, String callerIdNumber, String callerIdName, Instant joinedAt);

    @BeforeEach
    void start() {
        monitor = newMonitor();
    }

    @Test
    void aQueueNobodyWaitsInHasNoCallers() {
        assertThat(monitor.waiting(CallCenterNames.queue(UUID.randomUUID(), SIP_DOMAIN))).isEmpty();
    }

    @Test
    void theCallersWaitingInAQueueAreListedLongestWaitingFirst() {
        String queue = CallCenterNames.queue(UUID.randomUUID(), SIP_DOMAIN);
        String other = CallCenterNames.queue(UUID.randomUUID(), SIP_DOMAIN);
        Instant early = Instant.parse("2026-03-01T09:30:00Z");
        seat(queue, "+15550000002", "Later", early.plusSeconds(40));
        seat(queue, "+15550000001", "Earlier", early);
        seat(other, "+15550000003", "Elsewhere", early);

        assertThat(monitor.waiting(queue)).containsExactly(
                new WaitingCaller("+15550000001", "Earlier", early),
                new WaitingCaller("+15550000002", "Later", early.plusSeconds(40)));
    }

    @Test
    void anAgentStatusChangeForAnAgentTheSwitchDoesNotKnowIsNoFailure() {
        assertThatCode(() -> monitor.agentStatusChanged(CallCenterNames.agent("1001", SIP_DOMAIN),
                AgentStatus.AVAILABLE)).doesNotThrowAnyException();
    }
}
