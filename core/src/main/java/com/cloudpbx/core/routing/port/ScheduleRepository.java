package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.BusinessSchedule;
import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: stores and finds business schedules with their opening hours (in the order given) and
 * holidays (by date). Every lookup names the tenant and the store filters by it, except the ones
 * named "in any tenant".
 */
public interface ScheduleRepository {

    /** Stores a new schedule; a name the tenant already uses is refused with {@code DUPLICATE}. */
    void insert(BusinessSchedule schedule);

    /** Overwrites the schedule, hours and holidays included; false when there is no such row (any more). */
    boolean update(BusinessSchedule schedule);

    void delete(TenantId tenant, UUID id);

    Optional<BusinessSchedule> findById(TenantId tenant, UUID id);

    /** For a superadmin acting in no tenant. */
    Optional<BusinessSchedule> findByIdInAnyTenant(UUID id);

    default Optional<BusinessSchedule> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    /** Reads the schedule and locks it until the surrounding transaction ends; scoped as {@link #findInScope}. */
    Optional<BusinessSchedule> lockInScope(Optional<TenantId> scope, UUID id);

    /** The tenant's schedule of this exact name. */
    Optional<BusinessSchedule> findByName(TenantId tenant, String name);

    /** The tenant's schedules ordered by name. */
    List<BusinessSchedule> list(TenantId tenant);

    /** Every tenant's schedules, ordered by tenant then name: for a superadmin acting in no tenant. */
    List<BusinessSchedule> listInAnyTenant();

    /** The tenant's schedules whose after-hours route sends calls to the target. */
    List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target);
}
