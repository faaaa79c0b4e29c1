package com.cloudpbx.core.tenants;

import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;

/** Port: tenants. */
public interface TenantRepository {

    void insert(Tenant tenant);

    void update(Tenant tenant);

    void delete(TenantId id);

    Optional<Tenant> findById(TenantId id);

    /** Ordered by company name. */
    List<Tenant> findAll();

    boolean existsSubdomain(Subdomain subdomain);

    TenantStats stats(TenantId id);
}
