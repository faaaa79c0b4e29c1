package com.cloudpbx.http.blocklist;

import com.cloudpbx.core.blocklist.BlockedNumber;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Blocklist bodies: requests in camelCase, the entry in snake_case as the SDK shows it. */
public final class BlocklistJson {

    private BlocklistJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BlockedView(
            String id,
            @JsonProperty("tenant_id") String tenantId,
            String number,
            @Nullable String reason,
            String direction,
            @JsonProperty("created_at") String createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {

        static BlockedView of(BlockedNumber entry, @Nullable Tenant spanningTenant) {
            return new BlockedView(entry.id().toString(), entry.tenant().toString(), entry.pattern().wire(),
                    entry.reason(), entry.direction().wireName(), Times.iso(entry.createdAt()),
                    spanningTenant == null ? null : new TenantRef(spanningTenant.id().toString(),
                            spanningTenant.companyName(), spanningTenant.subdomain().value()));
        }
    }

    /** The owning tenant, added when a listing spans tenants. */
    @Serdeable
    public record TenantRef(String id, @JsonProperty("company_name") String companyName, String subdomain) {
    }

    @Serdeable
    public record BlockRequest(@Nullable String number, @Nullable String reason, @Nullable String direction) {
    }

    /** Documents the partial update; the controller reads the body field by field. */
    @Serdeable
    public record UpdateBlockRequest(@Nullable String reason, @Nullable String direction) {
    }

    @Serdeable
    public record BlockedList(List<BlockedView> blocked) {
    }

    @Serdeable
    public record BlockedBody(BlockedView blocked) {
    }

    @Serdeable
    public record MessageWithBlocked(String message, BlockedView blocked) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CheckBody(boolean blocked, @Nullable BlockedView entry) {
    }
}
