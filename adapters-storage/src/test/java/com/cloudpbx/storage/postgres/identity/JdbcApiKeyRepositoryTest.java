package com.cloudpbx.storage.postgres.identity;

import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.ApiKeyRepositoryContract;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcApiKeyRepositoryTest extends ApiKeyRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected ApiKeyRepository newRepository() {
        return storage.emptied().bean(ApiKeyRepository.class);
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
