package com.cloudpbx.storage.postgres.tenants;

import static com.cloudpbx.storage.postgres.tenants.TenantsTable.COLUMNS;
import static com.cloudpbx.storage.postgres.tenants.TenantsTable.COMPANY_NAME;
import static com.cloudpbx.storage.postgres.tenants.TenantsTable.CREATED_AT;
import static com.cloudpbx.storage.postgres.tenants.TenantsTable.ID;
import static com.cloudpbx.storage.postgres.tenants.TenantsTable.SIP_DOMAIN;
import static com.cloudpbx.storage.postgres.tenants.TenantsTable.STATUS;
import static com.cloudpbx.storage.postgres.tenants.TenantsTable.SUBDOMAIN;
import static com.cloudpbx.storage.postgres.tenants.TenantsTable.TENANTS;
import static com.cloudpbx.storage.postgres.tenants.TenantsTable.UPDATED_AT;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Subdomain;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStats;
import com.cloudpbx.core.tenants.TenantStatus;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.Columns;
import com.cloudpbx.storage.postgres.UniqueViolations;
import com.cloudpbx.storage.postgres.extensions.ExtensionsTable;
import com.cloudpbx.storage.postgres.identity.AccountsTable;
import com.cloudpbx.storage.postgres.identity.ApiKeysTable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Tenants in PostgreSQL. Every method is one statement on the caller's transaction when there is
 * one ({@link Connectable} joins it), or on a connection of its own otherwise.
 */
@Singleton
@Connectable
public class JdbcTenantRepository implements TenantRepository {

    private final DSLContext dsl;

    public JdbcTenantRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Tenant tenant) {
        UniqueViolations.translate(() -> dsl.insertInto(TENANTS)
                        .set(ID, tenant.id().value())
                        .set(COMPANY_NAME, tenant.companyName())
                        .set(SUBDOMAIN, tenant.subdomain().value())
                        .set(SIP_DOMAIN, tenant.sipDomain())
                        .set(STATUS, tenant.status().wireName())
                        .set(CREATED_AT, Columns.valueOrDefault(tenant.createdAt(), CREATED_AT))
                        .set(UPDATED_AT, Columns.valueOrDefault(tenant.updatedAt(), UPDATED_AT))
                        .execute(),
                () -> taken(tenant));
    }

    @Override
    public void update(Tenant tenant) {
        UniqueViolations.translate(() -> dsl.update(TENANTS)
                        .set(COMPANY_NAME, tenant.companyName())
                        .set(SUBDOMAIN, tenant.subdomain().value())
                        .set(SIP_DOMAIN, tenant.sipDomain())
                        .set(STATUS, tenant.status().wireName())
                        .set(UPDATED_AT, Columns.valueOrDefault(tenant.updatedAt(), UPDATED_AT))
                        .where(ID.eq(tenant.id().value()))
                        .execute(),
                () -> taken(tenant));
    }

    @Override
    public void delete(TenantId id) {
        dsl.deleteFrom(TENANTS).where(ID.eq(id.value())).execute();
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return dsl.select(COLUMNS).from(TENANTS).where(ID.eq(id.value())).fetchOptional(JdbcTenantRepository::toTenant);
    }

    @Override
    public Optional<Tenant> lockById(TenantId id) {
        return dsl.select(COLUMNS).from(TENANTS).where(ID.eq(id.value())).forUpdate()
                .fetchOptional(JdbcTenantRepository::toTenant);
    }

    @Override
    public Optional<Tenant> shareLockById(TenantId id) {
        return dsl.select(COLUMNS).from(TENANTS).where(ID.eq(id.value())).forShare()
                .fetchOptional(JdbcTenantRepository::toTenant);
    }

    @Override
    public Optional<Tenant> findBySipDomain(String sipDomain) {
        return dsl.select(COLUMNS).from(TENANTS).where(SIP_DOMAIN.eq(sipDomain))
                .fetchOptional(JdbcTenantRepository::toTenant);
    }

    @Override
    public List<Tenant> findAll() {
        return dsl.select(COLUMNS).from(TENANTS).orderBy(DSL.lower(COMPANY_NAME), COMPANY_NAME, ID)
                .fetch(JdbcTenantRepository::toTenant);
    }

    @Override
    public boolean existsSubdomain(Subdomain subdomain) {
        return dsl.fetchExists(TENANTS, SUBDOMAIN.eq(subdomain.value()));
    }

    /** All four counts in one statement, so they describe one moment. */
    @Override
    public TenantStats stats(TenantId id) {
        Field<Integer> extensions = DSL.field(DSL.selectCount().from(ExtensionsTable.EXTENSIONS)
                .where(ExtensionsTable.TENANT_ID.eq(id.value())));
        Field<Integer> activeExtensions = DSL.field(DSL.selectCount().from(ExtensionsTable.EXTENSIONS)
                .where(ExtensionsTable.TENANT_ID.eq(id.value()))
                .and(ExtensionsTable.STATUS.eq("active")));
        Field<Integer> admins = DSL.field(DSL.selectCount().from(AccountsTable.ACCOUNTS)
                .where(AccountsTable.TENANT_ID.eq(id.value()))
                .and(AccountsTable.KIND.eq("admin")));
        Field<Integer> apiKeys = DSL.field(DSL.selectCount().from(ApiKeysTable.API_KEYS)
                .where(ApiKeysTable.TENANT_ID.eq(id.value()))
                .and(ApiKeysTable.STATUS.eq("active")));
        var row = dsl.select(extensions, activeExtensions, admins, apiKeys).fetchSingle();
        return new TenantStats(row.value1(), row.value2(), row.value3(), row.value4());
    }

    private static String taken(Tenant tenant) {
        return "Subdomain " + tenant.subdomain() + " (SIP domain " + tenant.sipDomain() + ") is already taken";
    }

    private static Tenant toTenant(Record row) {
        return new Tenant(TenantId.of(row.get(ID)), row.get(COMPANY_NAME), new Subdomain(row.get(SUBDOMAIN)),
                row.get(SIP_DOMAIN), TenantStatus.parse(row.get(STATUS), "status"), row.get(CREATED_AT),
                row.get(UPDATED_AT));
    }
}
