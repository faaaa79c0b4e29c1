package com.cloudpbx.core.tenants.port;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Subdomain;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStats;
import java.util.List;
import java.util.Optional;

/** Port: stores and finds tenants, by id or SIP domain. */
public interface TenantRepository {

    void insert(Tenant tenant);

    void update(Tenant tenant);

    void delete(TenantId id);

    Optional<Tenant> findById(TenantId id);

    /** Reads the tenant and locks it until the surrounding transaction ends. */
    Optional<Tenant> lockById(TenantId id);

    /**
     * Reads the tenant and keeps it from changing until the surrounding transaction ends, while
     * other transactions may hold the same share: writes of its extensions run side by side, but
     * not beside a change of its SIP domain.
     */
    Optional<Tenant> shareLockById(TenantId id);

    /** By the SIP domain exactly as stored (lower case). */
    Optional<Tenant> findBySipDomain(String sipDomain);

    /** Ordered by company name. */
    List<Tenant> findAll();

    boolean existsSubdomain(Subdomain subdomain);

    TenantStats stats(TenantId id);
}
