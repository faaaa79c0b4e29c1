package com.cloudpbx.http.trunks;

import com.cloudpbx.core.routing.GatewayStatus;
import com.cloudpbx.core.routing.SipTrunk;
import com.cloudpbx.core.routing.TrunkView;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Trunk bodies: requests in camelCase, the trunk in snake_case as the SDK shows it (with
 * {@code gatewayStatus} in camelCase, as the SDK reads it). The password is masked in every
 * answer but the create response.
 */
public final class TrunkJson {

    static final String MASK = "********";

    private TrunkJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TrunkRow(
            String id,
            String name,
            @Nullable String provider,
            @JsonProperty("tenant_id") @Nullable String tenantId,
            String proxy,
            @Nullable String username,
            @Nullable String password,
            String transport,
            List<String> codecs,
            boolean register,
            @JsonProperty("max_channels") int maxChannels,
            String status,
            @JsonProperty("gateway_name") String gatewayName,
            @Nullable GatewayStatusView gatewayStatus,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {

        /** The row with the password masked (null when the trunk has none). */
        static TrunkRow of(TrunkView view) {
            return of(view, view.trunk().passwordEncrypted() == null ? null : MASK);
        }

        static TrunkRow of(TrunkView view, @Nullable String password) {
            SipTrunk trunk = view.trunk();
            Tenant tenant = view.tenant();
            return new TrunkRow(trunk.id().toString(), trunk.name(), trunk.provider(),
                    trunk.tenant() == null ? null : trunk.tenant().toString(), trunk.proxy(), trunk.username(),
                    password, trunk.transport(), trunk.codecs(), trunk.register(), trunk.maxChannels(),
                    trunk.active() ? "active" : "inactive", trunk.gatewayName(),
                    GatewayStatusView.of(view.gatewayStatus()), Times.iso(trunk.createdAt()),
                    Times.iso(trunk.updatedAt()),
                    tenant == null ? null : new TenantRef(tenant.id().toString(), tenant.companyName(),
                            tenant.subdomain().value()));
        }

        @Override
        public String toString() {
            return "TrunkRow[" + name + "]";
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GatewayStatusView(String status, String state, @Nullable Integer pingMs) {

        static GatewayStatusView of(@Nullable GatewayStatus status) {
            return status == null ? null : new GatewayStatusView(status.status(), status.state(), status.pingMs());
        }
    }

    /** The trunk's tenant, for tenant trunks. */
    @Serdeable
    public record TenantRef(String id, @JsonProperty("company_name") String companyName, String subdomain) {
    }

    @Serdeable
    public record CreateTrunkRequest(@Nullable String name, @Nullable String provider, @Nullable String tenantId,
                                     @Nullable String proxy, @Nullable String username, @Nullable String password,
                                     @Nullable String transport, @Nullable List<String> codecs,
                                     @Nullable Boolean register, @Nullable Integer maxChannels,
                                     @Nullable String status) {

        @Override
        public String toString() {
            return "CreateTrunkRequest[" + name + "]";
        }
    }

    /** Documents the partial update; the controller reads the body field by field. */
    @Serdeable
    public record UpdateTrunkRequest(@Nullable String name, @Nullable String provider, @Nullable String tenantId,
                                     @Nullable String proxy, @Nullable String username, @Nullable String password,
                                     @Nullable String transport, @Nullable List<String> codecs,
                                     @Nullable Boolean register, @Nullable Integer maxChannels,
                                     @Nullable String status) {

        @Override
        public String toString() {
            return "UpdateTrunkRequest[" + name + "]";
        }
    }

    @Serdeable
    public record TrunkList(List<TrunkRow> trunks) {
    }

    @Serdeable
    public record TrunkBody(TrunkRow trunk) {
    }

    @Serdeable
    public record MessageWithTrunk(String message, TrunkRow trunk) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SyncBody(String message, @Nullable GatewayStatusView gatewayStatus) {
    }
}
