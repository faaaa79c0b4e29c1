package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RingGroup;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: stores ring groups with their members. Members are named by extension number and stored
 * against the tenant's extension of that number (which the caller has checked exists); removing
 * the extension removes its memberships. Every lookup names the tenant, except those for a
 * superadmin acting in none.
 */
public interface RingGroupRepository {

    /** A name taken within the tenant is a 400 {@code DUPLICATE}. */
    void insert(RingGroup group);

    /** Replaces the group's fields and its whole member list; false when there is no such group (any more). */
    boolean update(RingGroup group);

    void delete(TenantId tenant, UUID id);

    Optional<RingGroup> findById(TenantId tenant, UUID id);

    Optional<RingGroup> findByIdInAnyTenant(UUID id);

    default Optional<RingGroup> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    /** Reads the group and locks it until the surrounding transaction ends. */
    Optional<RingGroup> lockInScope(Optional<TenantId> scope, UUID id);

    Optional<RingGroup> findByName(TenantId tenant, String name);

    /** Ordered by tenant then name; an empty tenant lists every tenant's groups. */
    List<RingGroup> list(Optional<TenantId> tenant);

    /** The tenant's ring groups whose no-answer route sends calls to {@code target} of this kind. */
    List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target);
}
