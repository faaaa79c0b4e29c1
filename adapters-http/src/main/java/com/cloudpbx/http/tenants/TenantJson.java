package com.cloudpbx.http.tenants;

import com.cloudpbx.core.identity.Account;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStats;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Tenant bodies: camelCase, as the SDK shows tenants. */
public final class TenantJson {

    private TenantJson() {
    }

    @Serdeable
    public record TenantView(String id, String companyName, String subdomain, String sipDomain, String status,
                             String createdAt, String updatedAt) {

        public static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id().toString(), tenant.companyName(), tenant.subdomain().value(),
                    tenant.sipDomain(), tenant.status().wireName(), Times.iso(tenant.createdAt()),
                    Times.iso(tenant.updatedAt()));
        }
    }

    @Serdeable
    public record AdminView(String id, String email, String displayName, String role, String tenantId) {

        static AdminView of(Account account) {
            return new AdminView(account.id().toString(), account.email().value(), account.displayName(), "admin",
                    account.tenant().toString());
        }
    }

    @Serdeable
    public record CreateTenantRequest(@Nullable String companyName, @Nullable String subdomain,
                                      @Nullable String status, @Nullable String adminEmail,
                                      @Nullable String adminPassword, @Nullable String adminName) {

        @Override
        public String toString() {
            return "CreateTenantRequest[" + subdomain + "]";
        }
    }

    /** Documents the partial update; the controller reads the body field by field. */
    @Serdeable
    public record UpdateTenantRequest(@Nullable String companyName, @Nullable String subdomain,
                                      @Nullable String status) {
    }

    @Serdeable
    public record TenantList(List<TenantView> tenants) {
    }

    @Serdeable
    public record TenantBody(TenantView tenant) {
    }

    @Serdeable
    public record CreatedTenantBody(TenantView tenant, AdminView admin) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UpdatedTenantBody(String message, TenantView tenant) {
    }

    @Serdeable
    public record Stats(long extensions, long activeExtensions, long admins, long apiKeys) {

        static Stats of(TenantStats stats) {
            return new Stats(stats.extensions(), stats.activeExtensions(), stats.admins(), stats.apiKeys());
        }
    }

    @Serdeable
    public record StatsBody(String tenantId, Stats stats) {
    }
}
