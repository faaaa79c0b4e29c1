package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.CallQueue.Agent;

/** An agent's status changed in a queue: the queue as it was read, and the agent as it now is. */
public record AgentChange(CallQueue queue, Agent agent) {
}
