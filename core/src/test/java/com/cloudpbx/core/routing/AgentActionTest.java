package com.cloudpbx.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.shared.DomainException;
import org.junit.jupiter.api.Test;

class AgentActionTest {

    @Test
    void loggingInMakesALoggedOutAgentAvailable() {
        assertThat(AgentAction.LOGIN.next(AgentStatus.LOGGED_OUT)).isEqualTo(AgentStatus.AVAILABLE);
    }

    @Test
    void anAgentAlreadyLoggedInCannotLogInAgain() {
        for (AgentStatus status : new AgentStatus[] {AgentStatus.AVAILABLE, AgentStatus.BUSY, AgentStatus.PAUSED}) {
            assertThatThrownBy(() -> AgentAction.LOGIN.next(status)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo("INVALID_STATE"));
        }
    }

    @Test
    void availableAndBusyAgentsMayPause() {
        assertThat(AgentAction.PAUSE.next(AgentStatus.AVAILABLE)).isEqualTo(AgentStatus.PAUSED);
        assertThat(AgentAction.PAUSE.next(AgentStatus.BUSY)).isEqualTo(AgentStatus.PAUSED);
    }

    @Test
    void loggedOutOrPausedAgentsCannotPause() {
        assertThatThrownBy(() -> AgentAction.PAUSE.next(AgentStatus.LOGGED_OUT)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> AgentAction.PAUSE.next(AgentStatus.PAUSED)).isInstanceOf(DomainException.class);
    }

    @Test
    void onlyAPausedAgentUnpausesAndBecomesAvailable() {
        assertThat(AgentAction.UNPAUSE.next(AgentStatus.PAUSED)).isEqualTo(AgentStatus.AVAILABLE);
        assertThatThrownBy(() -> AgentAction.UNPAUSE.next(AgentStatus.AVAILABLE)).isInstanceOf(DomainException.class);
    }

    @Test
    void anyAgentMayLogOut() {
        for (AgentStatus status : AgentStatus.values()) {
            assertThat(AgentAction.LOGOUT.next(status)).isEqualTo(AgentStatus.LOGGED_OUT);
        }
    }

    @Test
    void eachActionIsFoundByItsWireNameAndRaisesItsEvent() {
        assertThat(AgentAction.byWireName("unpause")).contains(AgentAction.UNPAUSE);
        assertThat(AgentAction.byWireName("dance")).isEmpty();
        assertThat(AgentAction.LOGIN.eventType()).isEqualTo("queue_agent_login");
    }
}
