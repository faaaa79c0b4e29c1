package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.core.testing.StoreSamples.tenant;

import com.cloudpbx.core.routing.TrunkRepositoryContract;
import com.cloudpbx.core.routing.port.TrunkRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcTrunkRepositoryTest extends TrunkRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected TrunkRepository newRepository() {
        return storage.emptied().bean(TrunkRepository.class);
    }

    @Override
    protected TenantId newTenant(String companyName) {
        Tenant tenant = tenant(companyName);
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }
}
