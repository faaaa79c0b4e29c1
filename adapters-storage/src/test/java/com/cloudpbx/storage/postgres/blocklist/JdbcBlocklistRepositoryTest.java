package com.cloudpbx.storage.postgres.blocklist;

import static com.cloudpbx.core.testing.StoreSamples.tenant;

import com.cloudpbx.core.blocklist.BlocklistRepositoryContract;
import com.cloudpbx.core.blocklist.port.BlocklistRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcBlocklistRepositoryTest extends BlocklistRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected BlocklistRepository newRepository() {
        return storage.emptied().bean(BlocklistRepository.class);
    }

    @Override
    protected TenantId newTenant(String companyName) {
        Tenant tenant = tenant(companyName);
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }
}
