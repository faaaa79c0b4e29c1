package com.cloudpbx.core.routing;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.CallQueue.Agent;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.routing.port.QueueMonitor;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.shared.port.TenantEventPublisher;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.webhooks.RaiseWebhookEvents;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Agents logging in and out of a queue and pausing. Admins act for any agent of their tenant; an
 * extension user acts for its own extension only (any other is 404, as if it were no agent). The
 * stored status is the truth: the change is committed, then raised to the tenant's real-time
 * subscribers and told to the media server, best effort.
 */
public final class QueueAgents {

    private static final System.Logger LOG = System.getLogger(QueueAgents.class.getName());

    private final ConfigurationChanges changes;
    private final CallQueueRepository queues;
    private final ExtensionRepository extensions;
    private final TenantRepository tenants;
    private final QueueMonitor monitor;
    private final TenantEventPublisher events;
    private final RaiseWebhookEvents webhooks;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public QueueAgents(CallQueueRepository queues, ExtensionRepository extensions, TenantRepository tenants,
                       QueueMonitor monitor, TenantEventPublisher events, Transactions transactions,
                       AuditRecorder audit, Clock clock, ConfigurationChanges changes, RaiseWebhookEvents webhooks) {
        this.changes = changes;
        this.queues = queues;
        this.extensions = extensions;
        this.tenants = tenants;
        this.monitor = monitor;
        this.events = events;
        this.webhooks = webhooks;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public AgentChange act(Actor actor, UUID queueId, String extension, AgentAction action) {
        requireAgentGate(actor);
        AgentChange change = transactions.inTransaction(() -> {
            CallQueue queue = CallQueues.visible(actor, queues.lockInScope(actor.tenantScope(), queueId));
            Agent agent = queue.agents().stream().filter(a -> a.extension().equals(extension)).findFirst()
                    .filter(a -> actsFor(actor, queue, a))
                    .orElseThrow(() -> DomainException.notFound("Queue agent"));
            AgentStatus next = action.next(agent.status());
            if (!queues.setAgentStatus(queue.tenant(), queueId, agent.extension(), next)) {
                throw DomainException.notFound("Queue agent");
            }
            audit.record(actor, queue.tenant(), action.wireName(), "queue_agent", queueId + "/" + agent.extension());
            var changed = new AgentChange(queue, new Agent(agent.extension(), agent.tierLevel(), agent.tierPosition(),
                    next));
            // Stored with the change itself: committed together or not at all.
            webhooks.raise(event(changed, action));
            return changed;
        });
        // Agent states are part of the routing plan: queues offer calls to available agents.
        changes.changed(change.queue().tenant());
        announce(change, action);
        return change;
    }

    /**
     * Queues are no resource of extension users, so the role rules refuse them; an agent's own
     * login is the exception, checked against its extension below. A scoped user key still needs
     * a scope granting it.
     */
    private static void requireAgentGate(Actor actor) {
        if (!actor.isUser()) {
            actor.require(Resource.QUEUES, Access.WRITE);
            return;
        }
        var scopes = actor.principal().scopes();
        if (!scopes.isEmpty() && scopes.stream().noneMatch(scope -> scope.grants(Resource.QUEUES, Access.WRITE))) {
            throw DomainException.forbidden("This credential may not change queues");
        }
    }

    /** A user principal acts only for the agent that is its own extension. */
    private boolean actsFor(Actor actor, CallQueue queue, Agent agent) {
        if (!actor.isUser()) {
            return true;
        }
        return extensions.findByNumber(queue.tenant(), new ExtensionNumber(agent.extension()))
                .map(own -> actor.ownsExtension(own.id())).orElse(false);
    }

    private TenantEvent event(AgentChange change, AgentAction action) {
        CallQueue queue = change.queue();
        Agent agent = change.agent();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queue_id", queue.id().toString());
        data.put("queue", queue.name());
        data.put("extension", agent.extension());
        data.put("status", agent.status().wireName());
        return new TenantEvent(action.eventType(), queue.tenant(), agent.extension(), data, clock.instant());
    }

    private void announce(AgentChange change, AgentAction action) {
        CallQueue queue = change.queue();
        Agent agent = change.agent();
        try {
            events.publish(event(change, action));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not raise " + action.eventType() + " for queue " + queue.id(), e);
        }
        try {
            tenants.findById(queue.tenant()).ifPresent(tenant -> monitor.agentStatusChanged(
                    CallCenterNames.agent(agent.extension(), tenant.sipDomain()), agent.status()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not tell the media server agent " + agent.extension()
                    + " of queue " + queue.id() + " is " + agent.status().wireName(), e);
        }
    }
}
