package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.ArrayList;

class MapRingGroupRepositoryTest extends RingGroupRepositoryContract {

    private final ExtensionRepository extensions = new MapPagingGroupRepositoryTest.DeletingExtensions();

    @Override
    protected RingGroupRepository newRepository() {
        return new MapRingGroupRepository(extensions);
    }

    @Override
    protected TenantRepository tenants() {
        return new ListTenants(new ArrayList<>());
    }

    @Override
    protected ExtensionRepository extensions() {
        return extensions;
    }
}
