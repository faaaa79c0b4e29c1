package com.cloudpbx.storage.postgres.routing;

import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.CallQueueRepositoryContract;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCallQueueRepositoryTest extends CallQueueRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected CallQueueRepository newRepository() {
        return storage.emptied().bean(CallQueueRepository.class);
    }

    @Override
    protected ExtensionRepository extensions() {
        return storage.bean(ExtensionRepository.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }
}
