package com.cloudpbx.storage.postgres.identity;

import com.cloudpbx.core.identity.AccountRepositoryContract;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcAccountRepositoryTest extends AccountRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected AccountRepository newRepository() {
        return storage.emptied().bean(AccountRepository.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }
}
