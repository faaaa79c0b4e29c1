package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.PagingGroup;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: stores paging groups with their members, named by extension number and stored against the
 * tenant's extension of that number (which the caller has checked exists); removing the extension
 * removes its memberships. Every lookup names the tenant, except those for a superadmin acting in none.
 */
public interface PagingGroupRepository {

    /** A name or extension code taken within the tenant is a 400 {@code DUPLICATE}. */
    void insert(PagingGroup group);

    /** Replaces the group's fields and its whole member list; false when there is no such group (any more). */
    boolean update(PagingGroup group);

    void delete(TenantId tenant, UUID id);

    Optional<PagingGroup> findById(TenantId tenant, UUID id);

    Optional<PagingGroup> findByIdInAnyTenant(UUID id);

    default Optional<PagingGroup> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    /** Reads the group and locks it until the surrounding transaction ends. */
    Optional<PagingGroup> lockInScope(Optional<TenantId> scope, UUID id);

    Optional<PagingGroup> findByName(TenantId tenant, String name);

    Optional<PagingGroup> findByExtensionCode(TenantId tenant, String extensionCode);

    /** Ordered by tenant then name; an empty tenant lists every tenant's groups. */
    List<PagingGroup> list(Optional<TenantId> tenant);
}
