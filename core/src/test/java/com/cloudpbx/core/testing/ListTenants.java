package com.cloudpbx.core.testing;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Subdomain;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStats;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.List;
import java.util.Optional;

/** Tenants held in a list the test owns; inserts add to it (when it is mutable), changes are ignored. */
public record ListTenants(List<Tenant> all) implements TenantRepository {

    @Override
    public void insert(Tenant tenant) {
        all.add(tenant);
    }

    @Override
    public void update(Tenant tenant) {
    }

    @Override
    public void delete(TenantId id) {
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return all.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Tenant> lockById(TenantId id) {
        return findById(id);
    }

    @Override
    public Optional<Tenant> shareLockById(TenantId id) {
        return findById(id);
    }

    @Override
    public Optional<Tenant> findBySipDomain(String sipDomain) {
        return all.stream().filter(t -> t.sipDomain().equals(sipDomain)).findFirst();
    }

    @Override
    public List<Tenant> findAll() {
        return List.copyOf(all);
    }

    @Override
    public boolean existsSubdomain(Subdomain subdomain) {
        return false;
    }

    @Override
    public TenantStats stats(TenantId id) {
        return new TenantStats(0, 0, 0, 0);
    }
}
