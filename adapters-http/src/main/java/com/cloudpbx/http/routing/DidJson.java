package com.cloudpbx.http.routing;

import com.cloudpbx.core.routing.Did;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.http.extensions.ExtensionJson.TenantRef;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** DID bodies: requests in camelCase, the DID row in snake_case as the SDK shows it. */
public final class DidJson {

    private DidJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DidView(
            String id,
            @JsonProperty("tenant_id") String tenantId,
            String number,
            @JsonProperty("inbound_route") String inboundRoute,
            @JsonProperty("route_target") @Nullable String routeTarget,
            @JsonProperty("schedule_id") @Nullable String scheduleId,
            @JsonProperty("emergency_caller_id") boolean emergencyCallerId,
            String status,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {

        static DidView of(Did did, Tenant spanningTenant) {
            return new DidView(did.id().toString(), did.tenant().toString(), did.number().e164(),
                    did.route().action().wireName(), did.route().target(),
                    did.scheduleId() == null ? null : did.scheduleId().toString(), did.emergencyCallerId(),
                    did.active() ? "active" : "inactive", Times.iso(did.createdAt()), Times.iso(did.updatedAt()),
                    spanningTenant == null ? null : new TenantRef(spanningTenant.id().toString(),
                            spanningTenant.companyName(), spanningTenant.subdomain().value()));
        }
    }

    @Serdeable
    public record CreateDidRequest(@Nullable String number, @Nullable String inboundRoute,
                                   @Nullable String routeTarget, @Nullable String scheduleId,
                                   @Nullable Boolean emergencyCallerId, @Nullable String status) {
    }

    /** Documents the partial update; the controller reads the body field by field. */
    @Serdeable
    public record UpdateDidRequest(@Nullable String number, @Nullable String inboundRoute,
                                   @Nullable String routeTarget, @Nullable String scheduleId,
                                   @Nullable Boolean emergencyCallerId, @Nullable String status) {
    }

    @Serdeable
    public record DidList(List<DidView> dids) {
    }

    @Serdeable
    public record DidBody(DidView did) {
    }

    @Serdeable
    public record MessageWithDid(String message, DidView did) {
    }
}
