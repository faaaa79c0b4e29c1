package com.cloudpbx.http.ivr;

import com.cloudpbx.core.routing.IvrMenu;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.http.extensions.ExtensionJson.TenantRef;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** IVR menu bodies: requests in camelCase, the menu in snake_case as API.md shows it. */
public final class IvrMenuJson {

    private IvrMenuJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IvrMenuView(
            String id,
            @JsonProperty("tenant_id") String tenantId,
            String name,
            String greeting,
            @JsonProperty("timeout_seconds") int timeoutSeconds,
            @JsonProperty("max_retries") int maxRetries,
            List<OptionView> options,
            @JsonProperty("timeout_action") String timeoutAction,
            @JsonProperty("timeout_target") @Nullable String timeoutTarget,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {

        static IvrMenuView of(IvrMenu menu, Tenant spanningTenant) {
            return new IvrMenuView(menu.id().toString(), menu.tenant().toString(), menu.name(), menu.greeting(),
                    menu.timeoutSeconds(), menu.maxRetries(),
                    menu.options().stream().map(o -> new OptionView(o.digit(), o.target().action().wireName(),
                            o.target().target())).toList(),
                    menu.timeout().action().wireName(), menu.timeout().target(), Times.iso(menu.createdAt()),
                    Times.iso(menu.updatedAt()),
                    spanningTenant == null ? null : new TenantRef(spanningTenant.id().toString(),
                            spanningTenant.companyName(), spanningTenant.subdomain().value()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OptionView(String digit, String action, @Nullable String target) {
    }

    /**
     * Documents the create and update bodies; the controller reads them field by field. greeting is
     * a text-to-speech phrase or {@code recording:<uuid>}; options, when sent on update, replace the list.
     */
    @Serdeable
    public record IvrMenuRequest(@Nullable String name, @Nullable String greeting, @Nullable Integer timeoutSeconds,
                                 @Nullable Integer maxRetries, @Nullable List<OptionRequest> options,
                                 @Nullable String timeoutAction, @Nullable String timeoutTarget) {
    }

    @Serdeable
    public record OptionRequest(@Nullable String digit, @Nullable String action, @Nullable String target) {
    }

    @Serdeable
    public record IvrMenuList(List<IvrMenuView> ivrMenus) {
    }

    @Serdeable
    public record IvrMenuBody(IvrMenuView ivrMenu) {
    }

    @Serdeable
    public record MessageWithIvrMenu(String message, IvrMenuView ivrMenu) {
    }
}
