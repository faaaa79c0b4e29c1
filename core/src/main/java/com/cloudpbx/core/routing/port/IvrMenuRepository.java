package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.IvrMenu;
import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: stores IVR menus with their options. Every lookup of a tenant's menu names the tenant and
 * the store filters by it; only a superadmin acting in no tenant looks in any tenant.
 */
public interface IvrMenuRepository {

    /** Stores the menu and its options; a name the tenant already uses is a 400 DUPLICATE. */
    void insert(IvrMenu menu);

    /** Rewrites the menu's fields and replaces its options; false when there is no such menu (any more). */
    boolean update(IvrMenu menu);

    void delete(TenantId tenant, UUID id);

    Optional<IvrMenu> findById(TenantId tenant, UUID id);

    Optional<IvrMenu> findByIdInAnyTenant(UUID id);

    default Optional<IvrMenu> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    /** The menu, locked until the surrounding transaction ends; within the tenant when one is given. */
    Optional<IvrMenu> lockInScope(Optional<TenantId> scope, UUID id);

    /** The tenant's menu of this exact name. */
    Optional<IvrMenu> findByName(TenantId tenant, String name);

    /** Ordered by tenant then name; an empty tenant lists every tenant's menus. */
    List<IvrMenu> list(Optional<TenantId> tenant);

    /** The tenant's menus with an option or a timeout route sending calls to {@code kind}/{@code target}. */
    List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target);
}
