package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.WaitingCaller;
import com.cloudpbx.core.routing.port.QueueMonitor;
import com.cloudpbx.freeswitch.media.FreeSwitchSettings;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queues of the simulated switch: callers wait in a queue when a sandbox call is put there
 * ({@link #join}) until it leaves ({@link #leave}); agents' statuses are kept as they were told.
 */
@Singleton
@Requires(missingProperty = FreeSwitchSettings.HOSTS)
public final class SimulatedQueueMonitor implements QueueMonitor {

    private final Map<String, List<WaitingCaller>> queues = new ConcurrentHashMap<>();
    private final Map<String, AgentStatus> agents = new ConcurrentHashMap<>();

    @Override
    public List<WaitingCaller> waiting(String queueName) {
        List<WaitingCaller> callers = new ArrayList<>(queues.getOrDefault(queueName, List.of()));
        callers.sort(Comparator.comparing(WaitingCaller::joinedAt));
        return List.copyOf(callers);
    }

    @Override
    public void agentStatusChanged(String agentName, AgentStatus status) {
        agents.put(agentName, status);
    }

    /** A caller starts waiting in the queue. */
    public void join(String queueName, WaitingCaller caller) {
        queues.compute(queueName, (name, callers) -> {
            List<WaitingCaller> next = callers == null ? new ArrayList<>() : new ArrayList<>(callers);
            next.add(caller);
            return List.copyOf(next);
        });
    }

    /** The caller is answered by an agent, gives up or times out. */
    public void leave(String queueName, WaitingCaller caller) {
        queues.computeIfPresent(queueName, (name, callers) -> {
            List<WaitingCaller> next = new ArrayList<>(callers);
            next.remove(caller);
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    /** The status last told for the agent, if any. */
    public Optional<AgentStatus> agentStatus(String agentName) {
        return Optional.ofNullable(agents.get(agentName));
    }
}
