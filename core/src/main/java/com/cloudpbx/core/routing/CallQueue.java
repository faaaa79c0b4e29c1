package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A call-centre queue: callers wait (hearing {@code moh}) until an agent takes them, chosen by the
 * strategy among logged-in agents tier by tier; after {@code maxWaitSeconds} the timeout route.
 */
public record CallQueue(UUID id, TenantId tenant, String name, QueueStrategy strategy, int maxWaitSeconds,
                        String moh, RouteTarget timeout, List<Agent> agents, Instant createdAt, Instant updatedAt) {

    public CallQueue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(timeout, "timeout");
        agents = List.copyOf(agents);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** An extension answering the queue; lower tiers are offered calls first. */
    public record Agent(String extension, int tierLevel, int tierPosition, AgentStatus status) {

        public Agent {
            Objects.requireNonNull(extension, "extension");
            Objects.requireNonNull(status, "status");
        }
    }

    /** mod_callcenter's strategies, by the names API.md gives them. */
    public enum QueueStrategy {
        RING_ALL("ring-all"),
        LONGEST_IDLE_AGENT("longest-idle-agent"),
        ROUND_ROBIN("round-robin"),
        TOP_DOWN("top-down"),
        AGENT_WITH_LEAST_TALK_TIME("agent-with-least-talk-time"),
        RANDOM("random");

        private final String wireName;

        QueueStrategy(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public enum AgentStatus {
        AVAILABLE("available"), BUSY("busy"), PAUSED("paused"), LOGGED_OUT("logged_out");

        private final String wireName;

        AgentStatus(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
