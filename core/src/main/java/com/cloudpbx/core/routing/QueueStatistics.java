package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.CallQueue.Agent;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.routing.port.QueueMonitor;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A queue's figures now: the callers waiting come from the media server (a 503 when it cannot be
 * asked), the agents by status from the stored rows.
 */
public final class QueueStatistics {

    private final CallQueueRepository queues;
    private final TenantRepository tenants;
    private final QueueMonitor monitor;
    private final Clock clock;

    public QueueStatistics(CallQueueRepository queues, TenantRepository tenants, QueueMonitor monitor, Clock clock) {
        this.queues = queues;
        this.tenants = tenants;
        this.monitor = monitor;
        this.clock = clock;
    }

    public QueueStats stats(Actor actor, UUID id) {
        actor.require(Resource.QUEUES, Access.READ);
        CallQueue queue = CallQueues.visible(actor, queues.findInScope(actor.tenantScope(), id));
        Tenant tenant = tenants.findById(queue.tenant()).orElseThrow(() -> DomainException.notFound("Queue"));
        List<WaitingCaller> waiting = monitor.waiting(CallCenterNames.queue(queue.id(), tenant.sipDomain()));
        Instant now = clock.instant();
        long longest = waiting.stream().mapToLong(caller -> caller.waitedSeconds(now)).max().orElse(0);
        Map<AgentStatus, Integer> agents = new EnumMap<>(AgentStatus.class);
        for (Agent agent : queue.agents()) {
            agents.merge(agent.status(), 1, Integer::sum);
        }
        return new QueueStats(waiting.size(), longest, agents);
    }
}
