package com.cloudpbx.core.routing;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.CallQueue.Agent;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.CallQueue.QueueStrategy;
import com.cloudpbx.core.routing.CallQueueDraft.AgentDraft;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creates, changes and removes a tenant's call queues. Agents are active extensions of the tenant;
 * a new agent starts logged out, and an update that keeps an agent keeps its status.
 */
public final class CallQueues {

    static final Set<RouteAction> TIMEOUT_ACTIONS = EnumSet.of(RouteAction.VOICEMAIL, RouteAction.IVR,
            RouteAction.EXTENSION, RouteAction.HANGUP, RouteAction.EXTERNAL, RouteAction.RING_GROUP,
            RouteAction.QUEUE);
    static final String DEFAULT_MOH = "local_stream://moh";
    private static final String RESOURCE = "call_queue";
    private static final int DEFAULT_MAX_WAIT = 300;

    private final ConfigurationChanges changes;
    private final CallQueueRepository queues;
    private final ExtensionRepository extensions;
    private final TenantRepository tenants;
    private final RouteTargets targets;
    private final RoutingReferences references;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public CallQueues(CallQueueRepository queues, ExtensionRepository extensions, TenantRepository tenants,
                      Transactions transactions, AuditRecorder audit, Clock clock, RouteTargets targets,
                      RoutingReferences references, ConfigurationChanges changes) {
        this.changes = changes;
        this.queues = queues;
        this.extensions = extensions;
        this.tenants = tenants;
        this.targets = targets;
        this.references = references;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public RoutingListing<CallQueue> list(Actor actor) {
        actor.require(Resource.QUEUES, Access.READ);
        return RoutingListing.of(actor.tenantScope(), queues.list(actor.tenantScope()), tenants);
    }

    public CallQueue get(Actor actor, UUID id) {
        actor.require(Resource.QUEUES, Access.READ);
        return visible(actor, queues.findInScope(actor.tenantScope(), id));
    }

    public CallQueue create(Actor actor, CallQueueDraft draft) {
        actor.require(Resource.QUEUES, Access.WRITE);
        TenantId tenant = actor.requireTenant();
        tenants.findById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
        return signalled(transactions.inTransaction(() -> {
            String name = Checks.requireText(draft.name(), "name", 100);
            refuseTakenName(tenant, name, null);
            Instant now = clock.instant();
            var queue = new CallQueue(UUID.randomUUID(), tenant, name,
                    draft.strategy() == null ? QueueStrategy.RING_ALL : strategy(draft.strategy()),
                    Ranges.within(draft.maxWaitSeconds(), DEFAULT_MAX_WAIT, 10, 86_400, "maxWaitSeconds"),
                    draft.moh() == null ? DEFAULT_MOH : Checks.requireText(draft.moh(), "moh", 255),
                    draft.timeoutAction() == null && draft.timeoutTarget() == null ? RouteTarget.hangup()
                            : timeout(tenant, draft.timeoutAction(), draft.timeoutTarget()),
                    agents(tenant, draft.agents(), List.of()), now, now);
            queues.insert(queue);
            audit.record(actor, tenant, "create", RESOURCE, queue.id());
            return queue;
        }));
    }

    public CallQueue update(Actor actor, UUID id, CallQueueChanges changes) {
        actor.require(Resource.QUEUES, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            CallQueue current = visible(actor, queues.lockInScope(actor.tenantScope(), id));
            TenantId tenant = current.tenant();
            String name = changes.name().present() ? Checks.requireText(changes.name().value(), "name", 100)
                    : current.name();
            if (!name.equals(current.name())) {
                refuseTakenName(tenant, name, id);
            }
            var next = new CallQueue(id, tenant, name,
                    changes.strategy().present() ? strategy(changes.strategy().value()) : current.strategy(),
                    Ranges.changed(changes.maxWaitSeconds(), current.maxWaitSeconds(), 10, 86_400, "maxWaitSeconds"),
                    changes.moh().present() ? Checks.requireText(changes.moh().value(), "moh", 255) : current.moh(),
                    changedTimeout(tenant, current.timeout(), changes),
                    changes.agents().present() ? agents(tenant, changes.agents().value(), current.agents())
                            : current.agents(),
                    current.createdAt(), clock.instant());
            if (!queues.update(next)) {
                throw DomainException.notFound("Queue");
            }
            audit.record(actor, tenant, "update", RESOURCE, id);
            return next;
        }));
    }

    /** Refused while an IVR menu or another queue still sends calls here. */
    public CallQueue delete(Actor actor, UUID id) {
        actor.require(Resource.QUEUES, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            CallQueue current = visible(actor, queues.lockInScope(actor.tenantScope(), id));
            references.requireUnused(current.tenant(), RouteAction.QUEUE, id.toString(), "Queue '" + current.name() + "'");
            queues.delete(current.tenant(), id);
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        }));
    }

    static CallQueue visible(Actor actor, Optional<CallQueue> found) {
        return actor.visible(found, CallQueue::tenant, "Queue");
    }

    private List<Agent> agents(TenantId tenant, List<AgentDraft> drafts, List<Agent> current) {
        if (drafts == null) {
            return List.of();
        }
        Map<String, AgentStatus> statuses = current.stream()
                .collect(Collectors.toMap(Agent::extension, Agent::status));
        List<Agent> agents = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String field = "agents[" + i + "]";
            AgentDraft draft = drafts.get(i);
            if (draft == null) {
                throw DomainException.invalid(field, "is required");
            }
            String number = activeExtension(tenant, draft.extension(), field + ".extension").number().value();
            if (!seen.add(number)) {
                throw DomainException.invalid(field + ".extension", "extension " + number + " is listed twice");
            }
            agents.add(new Agent(number, Ranges.within(draft.tierLevel(), 1, 1, 9, field + ".tierLevel"),
                    Ranges.within(draft.tierPosition(), 1, 1, 100, field + ".tierPosition"),
                    statuses.getOrDefault(number, AgentStatus.LOGGED_OUT)));
        }
        return agents;
    }

    private Extension activeExtension(TenantId tenant, String number, String field) {
        if (number == null || number.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        String wanted = number.strip();
        Optional<Extension> found = ExtensionNumber.isValid(wanted)
                ? extensions.findByNumber(tenant, new ExtensionNumber(wanted)) : Optional.empty();
        return found.filter(Extension::isActive)
                .orElseThrow(() -> DomainException.invalid(field, "no active extension " + wanted));
    }

    private static QueueStrategy strategy(String input) {
        String wanted = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(QueueStrategy.values()).filter(s -> s.wireName().equals(wanted)).findFirst()
                .orElseThrow(() -> DomainException.invalid("strategy", "must be one of "
                        + Arrays.stream(QueueStrategy.values()).map(QueueStrategy::wireName)
                        .collect(Collectors.joining(", "))));
    }

    private RouteTarget timeout(TenantId tenant, String action, String target) {
        return targets.resolve(tenant, action, target, TIMEOUT_ACTIONS, "timeoutAction", "timeoutTarget");
    }

    /** A new action without a target drops the old target; a new target alone keeps the action. */
    private RouteTarget changedTimeout(TenantId tenant, RouteTarget current, CallQueueChanges changes) {
        if (!changes.timeoutAction().present() && !changes.timeoutTarget().present()) {
            return current;
        }
        String action = changes.timeoutAction().present() ? changes.timeoutAction().value()
                : current.action().wireName();
        String target = changes.timeoutTarget().present() ? changes.timeoutTarget().value()
                : changes.timeoutAction().present() ? null : current.target();
        return timeout(tenant, action, target);
    }

    private void refuseTakenName(TenantId tenant, String name, UUID self) {
        Optional<CallQueue> holder = queues.findByName(tenant, name);
        if (holder.isPresent() && !holder.get().id().equals(self)) {
            throw DomainException.badRequest("DUPLICATE", "Queue '" + name + "' already exists");
        }
    }

    /** The tenant's routing reads the change once it is committed. */
    private CallQueue signalled(CallQueue changed) {
        changes.changed(changed.tenant());
        return changed;
    }
}
