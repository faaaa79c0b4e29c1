package com.cloudpbx.storage.postgres.routing;

import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.RingGroupRepositoryContract;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcRingGroupRepositoryTest extends RingGroupRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected RingGroupRepository newRepository() {
        return storage.emptied().bean(RingGroupRepository.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }

    @Override
    protected ExtensionRepository extensions() {
        return storage.bean(ExtensionRepository.class);
    }
}
