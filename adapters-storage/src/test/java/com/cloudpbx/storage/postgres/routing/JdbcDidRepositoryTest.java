package com.cloudpbx.storage.postgres.routing;

import com.cloudpbx.core.routing.DidRepositoryContract;
import com.cloudpbx.core.routing.port.DidRepository;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcDidRepositoryTest extends DidRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected DidRepository newRepository() {
        return storage.emptied().bean(DidRepository.class);
    }

    @Override
    protected ScheduleRepository schedules() {
        return storage.bean(ScheduleRepository.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }
}
