package com.cloudpbx.core.extensions.port;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: stores and finds extensions. Every lookup of a tenant's extension names the tenant, and the store filters
 * by it (in SQL, not after the fetch), so a use case that forgets a check still cannot reach
 * another tenant's row; only a superadmin acting in no tenant looks in any tenant, by name.
 */
public interface ExtensionRepository {

    void insert(Extension extension);

    /**
     * Writes the fields in which {@code after} differs from {@code before} (the row as the caller
     * read it), and only those, so a concurrent change of another field survives. False when there
     * is no such row (any more).
     */
    boolean update(Extension before, Extension after);

    void delete(TenantId tenant, UUID id);

    /** The tenant's extension with this id; empty when it is another tenant's. */
    Optional<Extension> findById(TenantId tenant, UUID id);

    /** The extension with this id whatever its tenant: for a superadmin acting in no tenant. */
    Optional<Extension> findByIdInAnyTenant(UUID id);

    /** By id within the scope an actor acts in; an empty scope (a superadmin's) looks in any tenant. */
    default Optional<Extension> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    /**
     * Reads the extension and locks it until the surrounding transaction ends, so a
     * read-modify-write in that transaction cannot interleave with another, nor with a delete.
     * Within the tenant when one is given, in any tenant (superadmins acting in none) otherwise.
     */
    Optional<Extension> lockInScope(Optional<TenantId> scope, UUID id);

    Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number);

    boolean existsNumber(TenantId tenant, ExtensionNumber number);

    /** Ordered by tenant then number; an empty tenant lists every tenant's extensions. */
    List<Extension> list(Optional<TenantId> tenant);
}
