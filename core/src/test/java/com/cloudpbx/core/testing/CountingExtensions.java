package com.cloudpbx.core.testing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Extensions that count the lookups made of them: what a query per item would cost a real store. */
public final class CountingExtensions implements ExtensionRepository {

    private final ExtensionRepository delegate;
    private final AtomicInteger lookups = new AtomicInteger();

    public CountingExtensions(ExtensionRepository delegate) {
        this.delegate = delegate;
    }

    /** Reads made so far (finds, existence checks and lists). */
    public int lookups() {
        return lookups.get();
    }

    @Override
    public void insert(Extension extension) {
        delegate.insert(extension);
    }

    @Override
    public boolean update(Extension before, Extension after) {
        return delegate.update(before, after);
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        delegate.delete(tenant, id);
    }

    @Override
    public Optional<Extension> findById(TenantId tenant, UUID id) {
        lookups.incrementAndGet();
        return delegate.findById(tenant, id);
    }

    @Override
    public Optional<Extension> findByIdInAnyTenant(UUID id) {
        lookups.incrementAndGet();
        return delegate.findByIdInAnyTenant(id);
    }

    @Override
    public Optional<Extension> lockInScope(Optional<TenantId> scope, UUID id) {
        lookups.incrementAndGet();
        return delegate.lockInScope(scope, id);
    }

    @Override
    public Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number) {
        lookups.incrementAndGet();
        return delegate.findByNumber(tenant, number);
    }

    @Override
    public boolean existsNumber(TenantId tenant, ExtensionNumber number) {
        lookups.incrementAndGet();
        return delegate.existsNumber(tenant, number);
    }

    @Override
    public List<Extension> list(Optional<TenantId> tenant) {
        lookups.incrementAndGet();
        return delegate.list(tenant);
    }
}
