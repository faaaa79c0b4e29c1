package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A routing resource's rows visible to the actor; when the listing spans tenants (a superadmin
 * acting in none), {@code tenants} holds each row's tenant so it can be named.
 */
public record RoutingListing<T>(List<T> items, Map<TenantId, Tenant> tenants) {

    public RoutingListing {
        items = List.copyOf(items);
        tenants = Map.copyOf(tenants);
    }

    public boolean spansTenants() {
        return !tenants.isEmpty();
    }

    /**
     * The rows of the actor's scope; a listing over every tenant (an empty scope, a superadmin's)
     * names each row's tenant.
     */
    public static <T> RoutingListing<T> of(Optional<TenantId> scope, List<T> rows, TenantRepository tenants) {
        Map<TenantId, Tenant> named = scope.isPresent() ? Map.of()
                : tenants.findAll().stream().collect(Collectors.toMap(Tenant::id, Function.identity()));
        return new RoutingListing<>(rows, named);
    }
}
