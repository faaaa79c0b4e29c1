package com.cloudpbx.core.threeway;

import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import java.util.ArrayList;

/** The test store keeps the rules of the real one, so use-case tests built on it hold for both. */
class MapThreeWaySessionStoreTest extends ThreeWaySessionStoreContract {

    @Override
    protected ThreeWaySessionStore newStore() {
        return new MapThreeWaySessionStore();
    }

    @Override
    protected TenantRepository tenants() {
        return new ListTenants(new ArrayList<>());
    }
}
