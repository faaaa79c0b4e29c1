package com.cloudpbx.core.routing;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.routing.port.DidRepository;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, changes and removes the tenant's DIDs. A number is one tenant's on the whole platform;
 * a DID's schedule must be one of its own tenant's.
 */
public final class DidProvisioning {

    private static final String RESOURCE = "did";
    private static final Set<RouteAction> ROUTES = EnumSet.complementOf(EnumSet.of(RouteAction.HANGUP));

    private final ConfigurationChanges changes;
    private final DidRepository dids;
    private final ScheduleRepository schedules;
    private final TenantRepository tenants;
    private final RouteTargets targets;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public DidProvisioning(DidRepository dids, ScheduleRepository schedules, TenantRepository tenants,
                           RouteTargets targets, Transactions transactions, AuditRecorder audit,
                           Clock clock,
            ConfigurationChanges changes) {
        this.changes = changes;
        this.dids = dids;
        this.schedules = schedules;
        this.tenants = tenants;
        this.targets = targets;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public RoutingListing<Did> list(Actor actor) {
        actor.require(Resource.DIDS, Access.READ);
        Optional<TenantId> scope = actor.tenantScope();
        return RoutingListing.of(scope, scope.map(dids::list).orElseGet(dids::listInAnyTenant), tenants);
    }

    public Did get(Actor actor, UUID id) {
        actor.require(Resource.DIDS, Access.READ);
        return seenBy(actor, dids.findInScope(actor.tenantScope(), id));
    }

    public Did create(Actor actor, NewDid request) {
        actor.require(Resource.DIDS, Access.WRITE);
        TenantId tenant = actor.requireTenant();
        tenants.findById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
        PhoneNumber number = PhoneNumber.parse(request.number(), "number");
        RouteAction action = RouteAction.parse(request.inboundRoute(), "inboundRoute", ROUTES);
        boolean emergency = request.emergencyCallerId() != null && request.emergencyCallerId();
        boolean active = request.status() == null || active(request.status());
        return signalled(transactions.inTransaction(() -> {
            RouteTarget route = targets.resolve(tenant, action, request.routeTarget(), "routeTarget");
            UUID schedule = schedule(tenant, request.scheduleId());
            requireFree(number, null);
            Instant now = clock.instant();
            var did = new Did(UUID.randomUUID(), tenant, number, route, schedule, emergency, active, now, now);
            dids.insert(did);
            audit.record(actor, tenant, "create", RESOURCE, did.id());
            return did;
        }));
    }

    /** Reads and writes under the DID's row lock, so concurrent updates apply one after the other. */
    public Did update(Actor actor, UUID id, DidChanges changes) {
        actor.require(Resource.DIDS, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            Did current = seenBy(actor, dids.lockInScope(actor.tenantScope(), id));
            Did next = applied(current, changes);
            if (!next.number().equals(current.number())) {
                requireFree(next.number(), id);
            }
            if (!dids.update(next)) {
                throw DomainException.notFound("DID");
            }
            audit.record(actor, current.tenant(), "update", RESOURCE, id);
            return next;
        }));
    }

    public Did delete(Actor actor, UUID id) {
        actor.require(Resource.DIDS, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            Did current = seenBy(actor, dids.lockInScope(actor.tenantScope(), id));
            dids.delete(current.tenant(), id);
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        }));
    }

    private Did applied(Did current, DidChanges changes) {
        TenantId tenant = current.tenant();
        PhoneNumber number = changes.number().present()
                ? PhoneNumber.parse(changes.number().value(), "number") : current.number();
        RouteTarget route = current.route();
        if (changes.inboundRoute().present() || changes.routeTarget().present()) {
            RouteAction action = changes.inboundRoute().present()
                    ? RouteAction.parse(changes.inboundRoute().value(), "inboundRoute", ROUTES) : route.action();
            // A new action without a new target re-checks the current target against that action.
            route = targets.resolve(tenant, action, changes.routeTarget().orElse(route.target()), "routeTarget");
        }
        UUID schedule = changes.scheduleId().present() ? schedule(tenant, changes.scheduleId().value())
                : current.scheduleId();
        boolean emergency = notNull(changes.emergencyCallerId(), "emergencyCallerId")
                .orElse(current.emergencyCallerId());
        boolean active = changes.status().present() ? active(changes.status().value()) : current.active();
        return new Did(current.id(), tenant, number, route, schedule, emergency, active, current.createdAt(),
                clock.instant());
    }

    /**
     * The tenant's schedule with this id; an unknown id and another tenant's are the same 400, so
     * the answer never tells that another tenant's schedule exists.
     */
    private UUID schedule(TenantId tenant, String scheduleId) {
        if (scheduleId == null || scheduleId.isBlank()) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(scheduleId.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("scheduleId", "must be the id of a schedule");
        }
        return schedules.findById(tenant, id).map(BusinessSchedule::id)
                .orElseThrow(() -> DomainException.invalid("scheduleId", "no schedule " + id));
    }

    private void requireFree(PhoneNumber number, UUID self) {
        dids.findByNumber(number).filter(other -> !other.id().equals(self)).ifPresent(taken -> {
            throw DomainException.badRequest("DUPLICATE", number + " is already assigned");
        });
    }

    private static boolean active(String status) {
        if (status == null) {
            throw DomainException.invalid("status", "must be one of active, inactive");
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "active" -> true;
            case "inactive" -> false;
            default -> throw DomainException.invalid("status", "must be one of active, inactive");
        };
    }

    private static Did seenBy(Actor actor, Optional<Did> found) {
        return actor.visible(found, Did::tenant, "DID");
    }

    private static <T> Change<T> notNull(Change<T> change, String field) {
        if (change.present() && change.value() == null) {
            throw DomainException.invalid(field, "must not be null");
        }
        return change;
    }

    /** The tenant's routing reads the change once it is committed. */
    private Did signalled(Did changed) {
        changes.changed(changed.tenant());
        return changed;
    }
}
