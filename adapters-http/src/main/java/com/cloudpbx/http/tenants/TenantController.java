package com.cloudpbx.http.tenants;

import com.cloudpbx.core.provisioning.TenantProvisioning;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.tenants.NewTenant;
import com.cloudpbx.core.tenants.TenantChanges;
import com.cloudpbx.http.shared.JsonPatch;
import com.cloudpbx.http.shared.Message;
import com.cloudpbx.http.tenants.TenantJson.AdminView;
import com.cloudpbx.http.tenants.TenantJson.CreateTenantRequest;
import com.cloudpbx.http.tenants.TenantJson.CreatedTenantBody;
import com.cloudpbx.http.tenants.TenantJson.Stats;
import com.cloudpbx.http.tenants.TenantJson.StatsBody;
import com.cloudpbx.http.tenants.TenantJson.TenantBody;
import com.cloudpbx.http.tenants.TenantJson.TenantList;
import com.cloudpbx.http.tenants.TenantJson.TenantView;
import com.cloudpbx.http.tenants.TenantJson.UpdateTenantRequest;
import com.cloudpbx.http.tenants.TenantJson.UpdatedTenantBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** Tenants: superadmin only. */
@Controller("/api/tenants")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Tenants")
public class TenantController {

    private final TenantProvisioning tenants;

    public TenantController(TenantProvisioning tenants) {
        this.tenants = tenants;
    }

    @Get
    public TenantList list(@Parameter(hidden = true) Actor actor) {
        return new TenantList(tenants.list(actor).stream().map(TenantView::of).toList());
    }

    @Get("/{id}")
    public TenantBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new TenantBody(TenantView.of(tenants.get(actor, id)));
    }

    @Get("/{id}/stats")
    public StatsBody stats(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new StatsBody(id.toString(), Stats.of(tenants.stats(actor, id)));
    }

    /** Creates the tenant and its first admin account. */
    @Post
    public HttpResponse<CreatedTenantBody> create(@Parameter(hidden = true) Actor actor,
                                                  @Body CreateTenantRequest body) {
        var created = tenants.create(actor, new NewTenant(body.companyName(), body.subdomain(), body.status(),
                body.adminEmail(), body.adminPassword(), body.adminName()));
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new CreatedTenantBody(TenantView.of(created.tenant()), AdminView.of(created.admin())));
    }

    @Put("/{id}")
    public UpdatedTenantBody update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                    @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                            schema = @Schema(implementation = UpdateTenantRequest.class)))
                                    JsonNode body) {
        JsonPatch patch = JsonPatch.of(body);
        var updated = tenants.update(actor, id, new TenantChanges(patch.string("companyName"),
                patch.string("subdomain"), patch.string("status")));
        return new UpdatedTenantBody("Tenant updated", TenantView.of(updated));
    }

    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        tenants.delete(actor, id);
        return new Message("Tenant deleted");
    }
}
