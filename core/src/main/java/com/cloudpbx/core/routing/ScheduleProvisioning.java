package com.cloudpbx.core.routing;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.routing.BusinessSchedule.Holiday;
import com.cloudpbx.core.routing.BusinessSchedule.OpeningHours;
import com.cloudpbx.core.routing.port.DidRepository;
import com.cloudpbx.core.routing.port.ScheduleRepository;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creates, changes and removes the tenant's business schedules, and tells whether one is open
 * now. A schedule that DIDs follow cannot be deleted.
 */
public final class ScheduleProvisioning {

    private static final String RESOURCE = "schedule";
    private static final Set<RouteAction> AFTER_HOURS = EnumSet.of(RouteAction.VOICEMAIL, RouteAction.IVR,
            RouteAction.EXTENSION, RouteAction.HANGUP, RouteAction.EXTERNAL, RouteAction.AI_AGENT);

    private final ConfigurationChanges changes;
    private final ScheduleRepository schedules;
    private final DidRepository dids;
    private final TenantRepository tenants;
    private final RouteTargets targets;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public ScheduleProvisioning(ScheduleRepository schedules, DidRepository dids, TenantRepository tenants,
                                RouteTargets targets, Transactions transactions, AuditRecorder audit,
                                Clock clock,
            ConfigurationChanges changes) {
        this.changes = changes;
        this.schedules = schedules;
        this.dids = dids;
        this.tenants = tenants;
        this.targets = targets;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public RoutingListing<BusinessSchedule> list(Actor actor) {
        actor.require(Resource.SCHEDULES, Access.READ);
        Optional<TenantId> scope = actor.tenantScope();
        return RoutingListing.of(scope, scope.map(schedules::list).orElseGet(schedules::listInAnyTenant), tenants);
    }

    public BusinessSchedule get(Actor actor, UUID id) {
        actor.require(Resource.SCHEDULES, Access.READ);
        return seenBy(actor, schedules.findInScope(actor.tenantScope(), id));
    }

    /** Open or closed at this moment, and the moment on the schedule's wall clock. */
    public ScheduleStatus status(Actor actor, UUID id) {
        BusinessSchedule schedule = get(actor, id);
        Instant now = clock.instant();
        return new ScheduleStatus(schedule.isOpen(now), schedule, now.atZone(schedule.zone()));
    }

    public BusinessSchedule create(Actor actor, NewSchedule request) {
        actor.require(Resource.SCHEDULES, Access.WRITE);
        TenantId tenant = actor.requireTenant();
        tenants.findById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
        String name = Checks.requireText(request.name(), "name", 100);
        var zone = ScheduleRules.zone(request.timezone());
        List<OpeningHours> weekly = ScheduleRules.weekly(request.schedules());
        List<Holiday> holidays = ScheduleRules.holidays(request.holidays());
        RouteAction action = request.afterHoursAction() == null ? RouteAction.HANGUP
                : RouteAction.parse(request.afterHoursAction(), "afterHoursAction", AFTER_HOURS);
        return signalled(transactions.inTransaction(() -> {
            RouteTarget afterHours = targets.resolve(tenant, action, request.afterHoursTarget(), "afterHoursTarget");
            requireFreeName(tenant, name, null);
            Instant now = clock.instant();
            var schedule = new BusinessSchedule(UUID.randomUUID(), tenant, name, zone, weekly, holidays, afterHours,
                    now, now);
            schedules.insert(schedule);
            audit.record(actor, tenant, "create", RESOURCE, schedule.id());
            return schedule;
        }));
    }

    /** Reads and writes under the schedule's row lock, so concurrent updates apply one after the other. */
    public BusinessSchedule update(Actor actor, UUID id, ScheduleChanges changes) {
        actor.require(Resource.SCHEDULES, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            BusinessSchedule current = seenBy(actor, schedules.lockInScope(actor.tenantScope(), id));
            BusinessSchedule next = applied(current, changes);
            if (!next.name().equals(current.name())) {
                requireFreeName(current.tenant(), next.name(), id);
            }
            if (!schedules.update(next)) {
                throw DomainException.notFound("Schedule");
            }
            audit.record(actor, current.tenant(), "update", RESOURCE, id);
            return next;
        }));
    }

    /** Refused while DIDs follow the schedule: their calls would lose the after-hours route unannounced. */
    public BusinessSchedule delete(Actor actor, UUID id) {
        actor.require(Resource.SCHEDULES, Access.WRITE);
        return signalled(transactions.inTransaction(() -> {
            BusinessSchedule current = seenBy(actor, schedules.lockInScope(actor.tenantScope(), id));
            List<Referrer> users = dids.followingSchedule(current.tenant(), id);
            if (!users.isEmpty()) {
                throw DomainException.badRequest("IN_USE", "Schedule '" + current.name() + "' is used by "
                        + users.stream().map(Referrer::describe).collect(Collectors.joining(", ")));
            }
            schedules.delete(current.tenant(), id);
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        }));
    }

    private BusinessSchedule applied(BusinessSchedule current, ScheduleChanges changes) {
        TenantId tenant = current.tenant();
        String name = changes.name().present() ? Checks.requireText(changes.name().value(), "name", 100)
                : current.name();
        var zone = changes.timezone().present() ? ScheduleRules.zone(changes.timezone().value()) : current.zone();
        List<OpeningHours> weekly = changes.schedules().present()
                ? ScheduleRules.weekly(changes.schedules().value()) : current.weekly();
        List<Holiday> holidays = changes.holidays().present()
                ? ScheduleRules.holidays(changes.holidays().value()) : current.holidays();
        RouteTarget afterHours = current.afterHours();
        if (changes.afterHoursAction().present() || changes.afterHoursTarget().present()) {
            RouteAction action = changes.afterHoursAction().present()
                    ? RouteAction.parse(changes.afterHoursAction().value(), "afterHoursAction", AFTER_HOURS)
                    : afterHours.action();
            // A new action without a new target re-checks the current target against that action.
            afterHours = targets.resolve(tenant, action, changes.afterHoursTarget().orElse(afterHours.target()),
                    "afterHoursTarget");
        }
        return new BusinessSchedule(current.id(), tenant, name, zone, weekly, holidays, afterHours,
                current.createdAt(), clock.instant());
    }

    private void requireFreeName(TenantId tenant, String name, UUID self) {
        schedules.findByName(tenant, name).filter(other -> !other.id().equals(self)).ifPresent(taken -> {
            throw DomainException.badRequest("DUPLICATE", "Schedule '" + name + "' already exists");
        });
    }

    private static BusinessSchedule seenBy(Actor actor, Optional<BusinessSchedule> found) {
        return actor.visible(found, BusinessSchedule::tenant, "Schedule");
    }

    /** The tenant's routing reads the change once it is committed. */
    private BusinessSchedule signalled(BusinessSchedule changed) {
        changes.changed(changed.tenant());
        return changed;
    }
}
