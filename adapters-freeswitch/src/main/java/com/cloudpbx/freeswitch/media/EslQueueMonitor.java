package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.WaitingCaller;
import com.cloudpbx.core.routing.port.QueueMonitor;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues on FreeSWITCH's mod_callcenter, through {@code callcenter_config} on every connected
 * host: a queue's callers may wait on any of them.
 */
@Singleton
@Requires(property = FreeSwitchSettings.HOSTS)
public final class EslQueueMonitor implements QueueMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(EslQueueMonitor.class);
    /** Our names are {@code <id or number>@<sip domain>}: nothing that could end or split a command. */
    private static final String NAME = "^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$";

    private final EslMediaServer media;

    public EslQueueMonitor(EslMediaServer media) {
        this.media = media;
    }

    @Override
    public List<WaitingCaller> waiting(String queueName) {
        ApiCommand list = new ApiCommand("callcenter_config queue list members " + checked(queueName));
        List<WaitingCaller> callers = new ArrayList<>();
        for (String reply : media.askEveryHost(list)) {
            try {
                callers.addAll(CallcenterMembers.waiting(reply));
            } catch (IllegalArgumentException e) {
                throw DomainException.badGateway("MEDIA_SERVER_REFUSED",
                        "The media server's queue member list could not be read");
            }
        }
        callers.sort(Comparator.comparing(WaitingCaller::joinedAt));
        return List.copyOf(callers);
    }

    @Override
    public void agentStatusChanged(String agentName, AgentStatus status) {
        try {
            media.askEveryHost(new ApiCommand("callcenter_config agent set status " + checked(agentName) + " '"
                    + label(status) + "'"));
        } catch (RuntimeException e) {
            LOG.warn("Could not set agent {} to {} on the media server; its configuration catches up on the next "
                    + "reload: {}", agentName, status.wireName(), e.getMessage());
        }
    }

    /** mod_callcenter's agent statuses; it tracks an agent's calls itself, so busy is still available to it. */
    static String label(AgentStatus status) {
        return switch (status) {
            case AVAILABLE, BUSY -> "Available";
            case PAUSED -> "On Break";
            case LOGGED_OUT -> "Logged Out";
        };
    }

    private static String checked(String name) {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("not a call-center name: " + name);
        }
        return name;
    }
}
