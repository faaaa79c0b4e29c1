package com.cloudpbx.core.testing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Extensions held in a list the test owns; inserts add to it (when it is mutable), changes are ignored. */
public record ListExtensions(List<Extension> all) implements ExtensionRepository {

    @Override
    public void insert(Extension extension) {
        all.add(extension);
    }

    @Override
    public boolean update(Extension before, Extension after) {
        return findByIdInAnyTenant(before.id()).isPresent();
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
    }

    @Override
    public Optional<Extension> findById(TenantId tenant, UUID id) {
        return findByIdInAnyTenant(id).filter(e -> e.tenant().equals(tenant));
    }

    @Override
    public Optional<Extension> findByIdInAnyTenant(UUID id) {
        return all.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Extension> lockInScope(Optional<TenantId> scope, UUID id) {
        return findInScope(scope, id);
    }

    @Override
    public Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number) {
        return all.stream().filter(e -> e.tenant().equals(tenant) && e.number().equals(number)).findFirst();
    }

    @Override
    public boolean existsNumber(TenantId tenant, ExtensionNumber number) {
        return findByNumber(tenant, number).isPresent();
    }

    @Override
    public List<Extension> list(Optional<TenantId> tenant) {
        return all.stream().filter(e -> tenant.map(e.tenant()::equals).orElse(true)).toList();
    }
}
