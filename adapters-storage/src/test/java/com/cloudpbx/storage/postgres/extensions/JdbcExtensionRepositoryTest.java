package com.cloudpbx.storage.postgres.extensions;

import com.cloudpbx.core.extensions.ExtensionRepositoryContract;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcExtensionRepositoryTest extends ExtensionRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected ExtensionRepository newRepository() {
        return storage.emptied().bean(ExtensionRepository.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }
}
