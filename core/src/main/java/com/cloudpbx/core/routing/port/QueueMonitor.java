package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.WaitingCaller;
import java.util.List;

/**
 * Port: the media server's side of call queues, by the names {@code CallCenterNames} gives them:
 * who is waiting in a queue now, and which agents it may offer calls to.
 */
public interface QueueMonitor {

    /**
     * The callers waiting in the queue now (not yet talking to an agent), longest waiting first; none
     * for a queue the media server does not know. A 503 DomainException when it cannot be asked.
     */
    List<WaitingCaller> waiting(String queueName);

    /**
     * Tells the media server an agent's new status. Best effort: the stored status is the truth
     * and the switch's configuration is rendered from it, so a failure is logged, never thrown.
     */
    void agentStatusChanged(String agentName, AgentStatus status);
}
