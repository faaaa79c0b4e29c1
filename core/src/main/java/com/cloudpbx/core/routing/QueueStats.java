package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A queue now: callers waiting (from the media server) and its agents by stored status, every status present. */
public record QueueStats(int waiting, long longestWaitSeconds, Map<AgentStatus, Integer> agents) {

    public QueueStats {
        EnumMap<AgentStatus, Integer> all = new EnumMap<>(AgentStatus.class);
        for (AgentStatus status : AgentStatus.values()) {
            all.put(status, agents.getOrDefault(status, 0));
        }
        agents = Collections.unmodifiableMap(all);
    }
}
