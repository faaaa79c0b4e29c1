package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.Did;
import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: stores and finds DIDs. A number belongs to one DID on the whole platform; every other
 * lookup names the tenant and the store filters by it, except the ones named "in any tenant" and
 * {@link #findByNumber}, which the routing engine uses to learn whose number was dialled.
 */
public interface DidRepository {

    /** Stores a new DID; a number already stored for any tenant is refused with {@code DUPLICATE}. */
    void insert(Did did);

    /**
     * Overwrites the DID's row within its tenant; false when there is no such row (any more). A
     * number taken meanwhile by another DID is refused with {@code DUPLICATE}.
     */
    boolean update(Did did);

    void delete(TenantId tenant, UUID id);

    Optional<Did> findById(TenantId tenant, UUID id);

    /** For a superadmin acting in no tenant. */
    Optional<Did> findByIdInAnyTenant(UUID id);

    /** By id within the scope an actor acts in; an empty scope (a superadmin's) looks in any tenant. */
    default Optional<Did> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    /** Reads the DID and locks it until the surrounding transaction ends; scoped as {@link #findInScope}. */
    Optional<Did> lockInScope(Optional<TenantId> scope, UUID id);

    /** The DID with this number, whichever tenant holds it. */
    Optional<Did> findByNumber(PhoneNumber number);

    /** The tenant's DIDs ordered by number. */
    List<Did> list(TenantId tenant);

    /** Every tenant's DIDs ordered by number: for a superadmin acting in no tenant. */
    List<Did> listInAnyTenant();

    /** The tenant's DIDs whose inbound route sends calls to the target, as "DID '+1555…' (inbound route)". */
    List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target);

    /** The tenant's DIDs that follow this schedule, as "DID '+1555…' (schedule)". */
    List<Referrer> followingSchedule(TenantId tenant, UUID scheduleId);
}
