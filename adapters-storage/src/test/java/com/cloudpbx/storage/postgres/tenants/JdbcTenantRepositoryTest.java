package com.cloudpbx.storage.postgres.tenants;

import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.tenants.TenantRepositoryContract;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcTenantRepositoryTest extends TenantRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected TenantRepository newRepository() {
        return storage.emptied().bean(TenantRepository.class);
    }

    @Override
    protected ExtensionRepository extensions() {
        return storage.bean(ExtensionRepository.class);
    }

    @Override
    protected AccountRepository accounts() {
        return storage.bean(AccountRepository.class);
    }

    @Override
    protected ApiKeyRepository apiKeys() {
        return storage.bean(ApiKeyRepository.class);
    }
}
