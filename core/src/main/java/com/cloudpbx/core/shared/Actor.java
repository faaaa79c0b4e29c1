package com.cloudpbx.core.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A principal acting in a tenant, from a client address. Superadmins pick the tenant they act
 * in (or none, to see every tenant); everyone else acts in their own tenant only.
 */
public record Actor(Principal principal, TenantId tenant, String clientAddress) {

    public Actor {
        Objects.requireNonNull(principal, "principal");
        if (!principal.isSuperadmin() && !Objects.equals(tenant, principal.tenant())) {
            throw new IllegalArgumentException("a tenant principal acts in its own tenant");
        }
    }

    /**
     * Resolves the tenant a request acts in. A non-superadmin naming another tenant is refused,
     * naming its own tenant (or none) acts in its own.
     */
    public static Actor resolve(Principal principal, Optional<TenantId> requested, String clientAddress) {
        if (principal.isSuperadmin()) {
            return new Actor(principal, requested.orElse(null), clientAddress);
        }
        if (requested.isPresent() && !requested.get().equals(principal.tenant())) {
            throw DomainException.forbidden("This credential cannot act in tenant " + requested.get());
        }
        return new Actor(principal, principal.tenant(), clientAddress);
    }

    /** The tenant a request is confined to; empty means every tenant (superadmins only). */
    public Optional<TenantId> tenantScope() {
        return Optional.ofNullable(tenant);
    }

    /** The tenant a create acts in; superadmins must name one. */
    public TenantId requireTenant() {
        if (tenant == null) {
            throw DomainException.badRequest("TENANT_REQUIRED",
                    "tenantId is required: send the X-Tenant-ID header or a tenantId parameter");
        }
        return tenant;
    }

    /** Whether a row of this tenant is visible to the actor. */
    public boolean sees(TenantId rowTenant) {
        return tenant == null ? principal.isSuperadmin() : tenant.equals(rowTenant);
    }

    /**
     * The row when the actor may see it; otherwise the same 404 as for a row that does not exist,
     * so another tenant's ids reveal nothing.
     */
    public <T> T visible(Optional<T> found, Function<T, TenantId> tenantOf, String what) {
        return found.filter(row -> sees(tenantOf.apply(row))).orElseThrow(() -> DomainException.notFound(what));
    }

    public void require(Resource resource, Access access) {
        if (!principal.may(resource, access)) {
            String verb = access == Access.READ ? "read" : "change";
            throw DomainException.forbidden("This credential may not " + verb + " " + resource.wireName());
        }
    }

    public void requireSuperadmin() {
        if (!principal.isSuperadmin()) {
            throw DomainException.forbidden("Only a superadmin may do this");
        }
    }

    public boolean isUser() {
        return principal.role() == Role.USER;
    }

    /** For user principals: whether the extension is the principal's own. */
    public boolean ownsExtension(UUID extensionId) {
        return !isUser() || principal.extensionId().equals(extensionId);
    }

    public UUID principalId() {
        return principal.id();
    }
}
