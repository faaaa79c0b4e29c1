package com.cloudpbx.storage.postgres.identity;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.storage.postgres.extensions.ExtensionsTable;
import com.cloudpbx.storage.postgres.tenants.TenantsTable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Credential versions in the {@code credential_version} columns of {@code extensions} and
 * {@code tenants} (V6). Advancing is one {@code UPDATE ... + 1} in the caller's transaction, so
 * concurrent invalidations never lose a step.
 */
@Singleton
@Connectable
public class JdbcCredentialVersions implements CredentialVersions {

    static final Field<Long> CREDENTIAL_VERSION = DSL.field(DSL.name("credential_version"), SQLDataType.BIGINT);

    private final DSLContext dsl;

    public JdbcCredentialVersions(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public long ofExtension(UUID extensionId) {
        return dsl.select(CREDENTIAL_VERSION).from(ExtensionsTable.EXTENSIONS)
                .where(ExtensionsTable.ID.eq(extensionId))
                .fetchOptional(CREDENTIAL_VERSION).orElse(0L);
    }

    @Override
    public long ofTenant(TenantId tenant) {
        return dsl.select(CREDENTIAL_VERSION).from(TenantsTable.TENANTS)
                .where(TenantsTable.ID.eq(tenant.value()))
                .fetchOptional(CREDENTIAL_VERSION).orElse(0L);
    }

    @Override
    public void advanceExtension(UUID extensionId) {
        dsl.update(ExtensionsTable.EXTENSIONS).set(CREDENTIAL_VERSION, CREDENTIAL_VERSION.plus(1L))
                .where(ExtensionsTable.ID.eq(extensionId)).execute();
    }

    @Override
    public void advanceTenant(TenantId tenant) {
        dsl.update(TenantsTable.TENANTS).set(CREDENTIAL_VERSION, CREDENTIAL_VERSION.plus(1L))
                .where(TenantsTable.ID.eq(tenant.value())).execute();
    }
}
