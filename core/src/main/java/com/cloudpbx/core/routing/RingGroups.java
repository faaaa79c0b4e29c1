package com.cloudpbx.core.routing;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.RingGroup.RingStrategy;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Change;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creates, changes and removes the ring groups of the actor's tenant; every write is audited. */
public final class RingGroups {

    static final int DEFAULT_RING_TIMEOUT = 30;
    static final int MIN_RING_TIMEOUT = 5;
    static final int MAX_RING_TIMEOUT = 300;
    static final int MAX_NAME = 100;
    static final int MAX_PRIORITY = 100;
    static final int MAX_DELAY = 300;
    static final Set<RouteAction> NO_ANSWER_ACTIONS = EnumSet.of(RouteAction.VOICEMAIL, RouteAction.IVR,
            RouteAction.EXTENSION, RouteAction.HANGUP, RouteAction.AI_AGENT, RouteAction.EXTERNAL, RouteAction.QUEUE,
            RouteAction.RING_GROUP);

    private static final String RESOURCE = "ring_group";
    private static final String WHAT = "Ring group";

    private final ConfigurationChanges changes;
    private final RingGroupRepository groups;
    private final RouteTargets targets;
    private final RoutingReferences references;
    private final MemberExtensions members;
    private final TenantRepository tenants;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public RingGroups(RingGroupRepository groups, ExtensionRepository extensions, TenantRepository tenants,
                      Transactions transactions, AuditRecorder audit, Clock clock, RouteTargets targets,
                      RoutingReferences references,
            ConfigurationChanges changes) {
        this.changes = changes;
        this.targets = targets;
        this.references = references;
        this.groups = groups;
        this.members = new MemberExtensions(extensions);
        this.tenants = tenants;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public RoutingListing<RingGroup> list(Actor actor) {
        actor.require(Resource.RING_GROUPS, Access.READ);
        return RoutingListing.of(actor.tenantScope(), groups.list(actor.tenantScope()), tenants);
    }

    public RingGroup get(Actor actor, UUID id) {
        actor.require(Resource.RING_GROUPS, Access.READ);
        return seenBy(actor, groups.findInScope(actor.tenantScope(), id));
    }

    public RingGroup create(Actor actor, RingGroupRequest request) {
        actor.require(Resource.RING_GROUPS, Access.WRITE);
        TenantId tenant = actor.requireTenant();
        return signalled(transactions.inTransaction(() -> {
            tenants.shareLockById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
            UUID id = UUID.randomUUID();
            String name = name(request.name().value());
            requireFreeName(tenant, name, id);
            Instant now = clock.instant();
            var group = new RingGroup(id, tenant, name,
                    strategy(request.strategy().orElse(null)),
                    ringTimeout(request.ringTimeout().orElse(null)),
                    noAnswer(tenant, id, request.noAnswerAction().orElse(null), request.noAnswerTarget().orElse(null)),
                    members(tenant, request.members().orElse(null)), now, now);
            groups.insert(group);
            audit.record(actor, tenant, "create", RESOURCE, id);
            return group;
        }));
    }

    /** Reads, changes and writes the group holding its row lock, so concurrent updates do not interleave. */
    public RingGroup update(Actor actor, UUID id, RingGroupRequest request) {
        actor.require(Resource.RING_GROUPS, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            RingGroup current = seenBy(actor, groups.lockInScope(actor.tenantScope(), id));
            TenantId tenant = current.tenant();
            String name = current.name();
            if (request.name().present()) {
                name = name(request.name().value());
                if (!name.equals(current.name())) {
                    requireFreeName(tenant, name, id);
                }
            }
            RingStrategy strategy = request.strategy().present() ? strategy(required(request.strategy(), "strategy"))
                    : current.strategy();
            int ringTimeout = request.ringTimeout().present()
                    ? ringTimeout(required(request.ringTimeout(), "ringTimeout")) : current.ringTimeoutSeconds();
            RouteTarget noAnswer = current.noAnswer();
            if (request.noAnswerAction().present() || request.noAnswerTarget().present()) {
                String action = request.noAnswerAction().present() ? required(request.noAnswerAction(), "noAnswerAction")
                        : current.noAnswer().action().wireName();
                boolean sameAction = action.strip().equalsIgnoreCase(current.noAnswer().action().wireName());
                String target = request.noAnswerTarget().present() ? request.noAnswerTarget().value()
                        : sameAction ? current.noAnswer().target() : null;
                noAnswer = noAnswer(tenant, id, action, target);
            }
            List<RingGroup.Member> memberList = request.members().present()
                    ? members(tenant, required(request.members(), "members")) : current.members();
            var updated = new RingGroup(id, tenant, name, strategy, ringTimeout, noAnswer, memberList,
                    current.createdAt(), clock.instant());
            if (!groups.update(updated)) {
                throw DomainException.notFound(WHAT);
            }
            audit.record(actor, tenant, "update", RESOURCE, id);
            return updated;
        }));
    }

    /** Refused while a DID, schedule, menu, queue or another group still sends calls here. */
    public RingGroup delete(Actor actor, UUID id) {
        actor.require(Resource.RING_GROUPS, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            RingGroup current = seenBy(actor, groups.lockInScope(actor.tenantScope(), id));
            references.requireUnused(current.tenant(), RouteAction.RING_GROUP, id.toString(),
                    WHAT + " '" + current.name() + "'");
            groups.delete(current.tenant(), id);
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        }));
    }

    private void requireFreeName(TenantId tenant, String name, UUID self) {
        if (groups.findByName(tenant, name).filter(g -> !g.id().equals(self)).isPresent()) {
            throw DomainException.badRequest("DUPLICATE", WHAT + " '" + name + "' already exists");
        }
    }

    private static RingGroup seenBy(Actor actor, Optional<RingGroup> found) {
        return actor.visible(found, RingGroup::tenant, WHAT);
    }

    private static String name(String value) {
        return Checks.requireText(value, "name", MAX_NAME);
    }

    private static RingStrategy strategy(String value) {
        if (value == null) {
            return RingStrategy.SIMULTANEOUS;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (RingStrategy strategy : RingStrategy.values()) {
            if (strategy.name().equals(wanted)) {
                return strategy;
            }
        }
        throw DomainException.invalid("strategy", "must be one of simultaneous, sequential, random");
    }

    private static int ringTimeout(Integer value) {
        int seconds = value == null ? DEFAULT_RING_TIMEOUT : value;
        return inRange(seconds, MIN_RING_TIMEOUT, MAX_RING_TIMEOUT, "ringTimeout");
    }

    private List<RingGroup.Member> members(TenantId tenant, List<RingGroupRequest.Member> sent) {
        if (sent == null) {
            return List.of();
        }
        List<String> numbers = members.check(tenant, sent, RingGroupRequest.Member::extension);
        return java.util.stream.IntStream.range(0, sent.size()).mapToObj(i -> {
            RingGroupRequest.Member member = sent.get(i);
            int priority = inRange(member.priority() == null ? 1 : member.priority(), 1, MAX_PRIORITY,
                    "members[" + i + "].priority");
            int delay = inRange(member.delaySeconds() == null ? 0 : member.delaySeconds(), 0, MAX_DELAY,
                    "members[" + i + "].delaySeconds");
            return new RingGroup.Member(numbers.get(i), priority, delay);
        }).toList();
    }

    private RouteTarget noAnswer(TenantId tenant, UUID self, String actionName, String rawTarget) {
        RouteAction action = actionName == null ? RouteAction.HANGUP
                : RouteAction.parse(actionName, "noAnswerAction", NO_ANSWER_ACTIONS);
        RouteTarget target = targets.resolve(tenant, action, rawTarget, "noAnswerTarget");
        if (target.pointsAt(RouteAction.RING_GROUP, String.valueOf(self))) {
            throw DomainException.invalid("noAnswerTarget", "a ring group cannot send its unanswered calls to itself");
        }
        return target;
    }

    static int inRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw DomainException.invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static <T> T required(Change<T> change, String field) {
        if (change.value() == null) {
            throw DomainException.invalid(field, "must not be null");
        }
        return change.value();
    }

    /** The tenant's routing reads the change once it is committed. */
    private RingGroup signalled(RingGroup changed) {
        changes.changed(changed.tenant());
        return changed;
    }
}
