package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.PagingGroupRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

class MapPagingGroupRepositoryTest extends PagingGroupRepositoryContract {

    private final ExtensionRepository extensions = new DeletingExtensions();

    @Override
    protected PagingGroupRepository newRepository() {
        return new MapPagingGroupRepository(extensions);
    }

    @Override
    protected TenantRepository tenants() {
        return new ListTenants(new ArrayList<>());
    }

    @Override
    protected ExtensionRepository extensions() {
        return extensions;
    }

    /** {@link ListExtensions} whose deletes remove the extension, as the contracts' membership tests need. */
    static final class DeletingExtensions implements ExtensionRepository {

        private final List<Extension> all = new ArrayList<>();
        private final ListExtensions list = new ListExtensions(all);

        @Override
        public void insert(Extension extension) {
            list.insert(extension);
        }

        @Override
        public boolean update(Extension before, Extension after) {
            return list.update(before, after);
        }

        @Override
        public void delete(TenantId tenant, UUID id) {
            all.removeIf(e -> e.id().equals(id) && e.tenant().equals(tenant));
        }

        @Override
        public Optional<Extension> findById(TenantId tenant, UUID id) {
            return list.findById(tenant, id);
        }

        @Override
        public Optional<Extension> findByIdInAnyTenant(UUID id) {
            return list.findByIdInAnyTenant(id);
        }

        @Override
        public Optional<Extension> lockInScope(Optional<TenantId> scope, UUID id) {
            return list.lockInScope(scope, id);
        }

        @Override
        public Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number) {
            return list.findByNumber(tenant, number);
        }

        @Override
        public boolean existsNumber(TenantId tenant, ExtensionNumber number) {
            return list.existsNumber(tenant, number);
        }

        @Override
        public List<Extension> list(Optional<TenantId> tenant) {
            return list.list(tenant);
        }
    }
}
