package com.cloudpbx.storage.postgres.tenants;

import static com.cloudpbx.storage.postgres.schema.Tables.ACCOUNTS;
import static com.cloudpbx.storage.postgres.schema.Tables.API_KEYS;
import static com.cloudpbx.storage.postgres.schema.Tables.EXTENSIONS;
import static com.cloudpbx.storage.postgres.schema.Tables.TENANTS;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Subdomain;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStats;
import com.cloudpbx.core.tenants.TenantStatus;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.Columns;
import com.cloudpbx.storage.postgres.UniqueViolations;
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
                        .set(TENANTS.ID, tenant.id().value())
                        .set(TENANTS.COMPANY_NAME, tenant.companyName())
                        .set(TENANTS.SUBDOMAIN, tenant.subdomain().value())
                        .set(TENANTS.SIP_DOMAIN, tenant.sipDomain())
                        .set(TENANTS.STATUS, tenant.status().wireName())
                        .set(TENANTS.CREATED_AT, Columns.valueOrDefault(tenant.createdAt(), TENANTS.CREATED_AT))
                        .set(TENANTS.UPDATED_AT, Columns.valueOrDefault(tenant.updatedAt(), TENANTS.UPDATED_AT))
                        .execute(),
                () -> taken(tenant));
    }

    @Override
    public void update(Tenant tenant) {
        UniqueViolations.translate(() -> dsl.update(TENANTS)
                        .set(TENANTS.COMPANY_NAME, tenant.companyName())
                        .set(TENANTS.SUBDOMAIN, tenant.subdomain().value())
                        .set(TENANTS.SIP_DOMAIN, tenant.sipDomain())
                        .set(TENANTS.STATUS, tenant.status().wireName())
                        .set(TENANTS.UPDATED_AT, Columns.valueOrDefault(tenant.updatedAt(), TENANTS.UPDATED_AT))
                        .where(TENANTS.ID.eq(tenant.id().value()))
                        .execute(),
                () -> taken(tenant));
    }

    @Override
    public void delete(TenantId id) {
        dsl.deleteFrom(TENANTS).where(TENANTS.ID.eq(id.value())).execute();
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return dsl.select(TENANTS.fields()).from(TENANTS).where(TENANTS.ID.eq(id.value()))
                .fetchOptional(JdbcTenantRepository::toTenant);
    }

    @Override
    public Optional<Tenant> lockById(TenantId id) {
        return dsl.select(TENANTS.fields()).from(TENANTS).where(TENANTS.ID.eq(id.value())).forUpdate()
                .fetchOptional(JdbcTenantRepository::toTenant);
    }

    @Override
    public Optional<Tenant> shareLockById(TenantId id) {
        return dsl.select(TENANTS.fields()).from(TENANTS).where(TENANTS.ID.eq(id.value())).forShare()
                .fetchOptional(JdbcTenantRepository::toTenant);
    }

    @Override
    public Optional<Tenant> findBySipDomain(String sipDomain) {
        return dsl.select(TENANTS.fields()).from(TENANTS).where(TENANTS.SIP_DOMAIN.eq(sipDomain))
                .fetchOptional(JdbcTenantRepository::toTenant);
    }

    @Override
    public List<Tenant> findAll() {
        return dsl.select(TENANTS.fields()).from(TENANTS)
                .orderBy(DSL.lower(TENANTS.COMPANY_NAME), TENANTS.COMPANY_NAME, TENANTS.ID)
                .fetch(JdbcTenantRepository::toTenant);
    }

    @Override
    public boolean existsSubdomain(Subdomain subdomain) {
        return dsl.fetchExists(TENANTS, TENANTS.SUBDOMAIN.eq(subdomain.value()));
    }

    /** All four counts in one statement, so they describe one moment. */
    @Override
    public TenantStats stats(TenantId id) {
        Field<Integer> extensions = DSL.field(DSL.selectCount().from(EXTENSIONS)
                .where(EXTENSIONS.TENANT_ID.eq(id.value())));
        Field<Integer> activeExtensions = DSL.field(DSL.selectCount().from(EXTENSIONS)
                .where(EXTENSIONS.TENANT_ID.eq(id.value()))
                .and(EXTENSIONS.STATUS.eq("active")));
        Field<Integer> admins = DSL.field(DSL.selectCount().from(ACCOUNTS)
                .where(ACCOUNTS.TENANT_ID.eq(id.value()))
                .and(ACCOUNTS.KIND.eq("admin")));
        Field<Integer> apiKeys = DSL.field(DSL.selectCount().from(API_KEYS)
                .where(API_KEYS.TENANT_ID.eq(id.value()))
                .and(API_KEYS.STATUS.eq("active")));
        var row = dsl.select(extensions, activeExtensions, admins, apiKeys).fetchSingle();
        return new TenantStats(row.value1(), row.value2(), row.value3(), row.value4());
    }

    private static String taken(Tenant tenant) {
        return "Subdomain " + tenant.subdomain() + " (SIP domain " + tenant.sipDomain() + ") is already taken";
    }

    private static Tenant toTenant(Record row) {
        return new Tenant(TenantId.of(row.get(TENANTS.ID)), row.get(TENANTS.COMPANY_NAME),
                new Subdomain(row.get(TENANTS.SUBDOMAIN)), row.get(TENANTS.SIP_DOMAIN),
                TenantStatus.parse(row.get(TENANTS.STATUS), "status"), row.get(TENANTS.CREATED_AT),
                row.get(TENANTS.UPDATED_AT));
    }
}
