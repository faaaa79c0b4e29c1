package com.cloudpbx.storage.postgres.identity;

import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.CredentialVersionsContract;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCredentialVersionsTest extends CredentialVersionsContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected CredentialVersions newVersions() {
        return storage.emptied().bean(CredentialVersions.class);
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
