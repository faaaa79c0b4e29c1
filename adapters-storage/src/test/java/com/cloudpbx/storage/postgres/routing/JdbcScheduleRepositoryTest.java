package com.cloudpbx.storage.postgres.routing;

import com.cloudpbx.core.routing.ScheduleRepositoryContract;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcScheduleRepositoryTest extends ScheduleRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected ScheduleRepository newRepository() {
        return storage.emptied().bean(ScheduleRepository.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }
}
