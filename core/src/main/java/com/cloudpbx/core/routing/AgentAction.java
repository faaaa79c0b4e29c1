package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.shared.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an agent (or an admin for it) does to its status in a queue. Logging in starts from logged
 * out; pausing takes an available or busy agent off the queue; unpausing puts a paused one back;
 * logging out works from anywhere. Anything else is refused with 400 INVALID_STATE.
 */
public enum AgentAction {
    LOGIN("login", "queue_agent_login"),
    LOGOUT("logout", "queue_agent_logout"),
    PAUSE("pause", "queue_agent_pause"),
    UNPAUSE("unpause", "queue_agent_unpause");

    private final String wireName;
    private final String eventType;

    AgentAction(String wireName, String eventType) {
        this.wireName = wireName;
        this.eventType = eventType;
    }

    public String wireName() {
        return wireName;
    }

    /** The real-time event type each change raises. */
    public String eventType() {
        return eventType;
    }

    public static Optional<AgentAction> byWireName(String name) {
        String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(action -> action.wireName.equals(wanted)).findFirst();
    }

    /** The status after this action, or 400 INVALID_STATE when the agent's status does not allow it. */
    public AgentStatus next(AgentStatus current) {
        boolean allowed = switch (this) {
            case LOGIN -> current == AgentStatus.LOGGED_OUT;
            case LOGOUT -> true;
            case PAUSE -> current == AgentStatus.AVAILABLE || current == AgentStatus.BUSY;
            case UNPAUSE -> current == AgentStatus.PAUSED;
        };
        if (!allowed) {
            throw DomainException.badRequest("INVALID_STATE",
                    "An agent who is " + current.wireName() + " cannot " + wireName);
        }
        return switch (this) {
            case LOGIN, UNPAUSE -> AgentStatus.AVAILABLE;
            case LOGOUT -> AgentStatus.LOGGED_OUT;
            case PAUSE -> AgentStatus.PAUSED;
        };
    }
}
