package com.cloudpbx.core.blocklist.port;

import com.cloudpbx.core.blocklist.BlockPattern;
import com.cloudpbx.core.blocklist.BlockedNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: stores blocklist entries. Every lookup of a tenant's entry names the tenant and the store
 * filters by it; only a superadmin acting in no tenant looks in any tenant.
 */
public interface BlocklistRepository {

    /** Stores a new entry; the same pattern twice in a tenant is refused with {@code DUPLICATE}. */
    void insert(BlockedNumber entry);

    /** Writes the entry's reason and direction; false when there is no such entry (any more). */
    boolean update(BlockedNumber entry);

    void delete(TenantId tenant, UUID id);

    /** The tenant's entry with this id; empty when it is another tenant's. */
    Optional<BlockedNumber> findById(TenantId tenant, UUID id);

    /** The entry with this id whatever its tenant: for a superadmin acting in no tenant. */
    Optional<BlockedNumber> findByIdInAnyTenant(UUID id);

    default Optional<BlockedNumber> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    boolean exists(TenantId tenant, BlockPattern pattern);

    /** The tenant's entries, oldest first. */
    List<BlockedNumber> list(TenantId tenant);

    /** Every tenant's entries, oldest first. */
    List<BlockedNumber> listAll();
}
