package com.cloudpbx.storage.postgres.routing;

import com.cloudpbx.core.routing.IvrMenuRepositoryContract;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcIvrMenuRepositoryTest extends IvrMenuRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected IvrMenuRepository newRepository() {
        return storage.emptied().bean(IvrMenuRepository.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }
}
