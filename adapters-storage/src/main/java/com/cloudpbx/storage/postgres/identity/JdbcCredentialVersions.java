package com.cloudpbx.storage.postgres.identity;

import static com.cloudpbx.storage.postgres.schema.Tables.EXTENSIONS;
import static com.cloudpbx.storage.postgres.schema.Tables.TENANTS;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.CredentialVersions;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Credential versions in the {@code credential_version} columns of {@code extensions} and
 * {@code tenants} (V6). Advancing is one {@code UPDATE ... + 1} in the caller's transaction, so
 * concurrent invalidations never lose a step.
 */
@Singleton
@Connectable
public class JdbcCredentialVersions implements CredentialVersions {

    private final DSLContext dsl;

    public JdbcCredentialVersions(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public long ofExtension(UUID extensionId) {
        return dsl.select(EXTENSIONS.CREDENTIAL_VERSION).from(EXTENSIONS)
                .where(EXTENSIONS.ID.eq(extensionId))
                .fetchOptional(EXTENSIONS.CREDENTIAL_VERSION).orElse(0L);
    }

    @Override
    public long ofTenant(TenantId tenant) {
        return dsl.select(TENANTS.CREDENTIAL_VERSION).from(TENANTS)
                .where(TENANTS.ID.eq(tenant.value()))
                .fetchOptional(TENANTS.CREDENTIAL_VERSION).orElse(0L);
    }

    @Override
    public void advanceExtension(UUID extensionId) {
        dsl.update(EXTENSIONS).set(EXTENSIONS.CREDENTIAL_VERSION, EXTENSIONS.CREDENTIAL_VERSION.plus(1L))
                .where(EXTENSIONS.ID.eq(extensionId)).execute();
    }

    @Override
    public void advanceTenant(TenantId tenant) {
        dsl.update(TENANTS).set(TENANTS.CREDENTIAL_VERSION, TENANTS.CREDENTIAL_VERSION.plus(1L))
                .where(TENANTS.ID.eq(tenant.value())).execute();
    }
}
