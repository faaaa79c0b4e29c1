package com.cloudpbx.http.trunks;

import com.cloudpbx.core.routing.NewTrunk;
import com.cloudpbx.core.routing.TrunkChanges;
import com.cloudpbx.core.routing.TrunkManagement;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.shared.JsonPatch;
import com.cloudpbx.http.shared.Message;
import com.cloudpbx.http.trunks.TrunkJson.CreateTrunkRequest;
import com.cloudpbx.http.trunks.TrunkJson.GatewayStatusView;
import com.cloudpbx.http.trunks.TrunkJson.MessageWithTrunk;
import com.cloudpbx.http.trunks.TrunkJson.SyncBody;
import com.cloudpbx.http.trunks.TrunkJson.TrunkBody;
import com.cloudpbx.http.trunks.TrunkJson.TrunkList;
import com.cloudpbx.http.trunks.TrunkJson.TrunkRow;
import com.cloudpbx.http.trunks.TrunkJson.UpdateTrunkRequest;
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

/** SIP trunks to carriers, global or a tenant's: superadmins only. */
@Controller("/api/trunks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Trunks")
public class TrunkController {

    private final TrunkManagement trunks;

    public TrunkController(TrunkManagement trunks) {
        this.trunks = trunks;
    }

    /** Every trunk, password masked; {@code gatewayStatus} is null while the media server cannot be asked. */
    @Get
    public TrunkList list(@Parameter(hidden = true) Actor actor) {
        return new TrunkList(trunks.list(actor).stream().map(TrunkRow::of).toList());
    }

    @Get("/{id}")
    public TrunkBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new TrunkBody(TrunkRow.of(trunks.get(actor, id)));
    }

    /** The only answer that carries the password, for the superadmin who just set it. */
    @Post
    public HttpResponse<TrunkBody> create(@Parameter(hidden = true) Actor actor, @Body CreateTrunkRequest body) {
        var created = trunks.create(actor, new NewTrunk(body.name(), body.provider(), body.tenantId(), body.proxy(),
                body.username(), body.password(), body.transport(), body.codecs(), body.register(),
                body.maxChannels(), body.status()));
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new TrunkBody(TrunkRow.of(created.view(), created.password())));
    }

    @Put("/{id}")
    public MessageWithTrunk update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                   @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                           schema = @Schema(implementation = UpdateTrunkRequest.class)))
                                   JsonNode body) {
        JsonPatch patch = JsonPatch.of(body);
        var changes = new TrunkChanges(patch.string("name"), patch.string("provider"), patch.string("tenantId"),
                patch.string("proxy"), patch.string("username"), patch.string("password"), patch.string("transport"),
                patch.strings("codecs"), patch.bool("register"), patch.integer("maxChannels"),
                patch.string("status"));
        return new MessageWithTrunk("Trunk updated", TrunkRow.of(trunks.update(actor, id, changes)));
    }

    /** Removes the trunk and unloads its gateway from the media server when it can be reached. */
    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        trunks.delete(actor, id);
        return new Message("Trunk deleted");
    }

    /** Makes the media server reload the trunk's gateway; 503 while it cannot be reached. */
    @Post("/{id}/sync")
    public SyncBody sync(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new SyncBody("Trunk synced to the media server", GatewayStatusView.of(trunks.sync(actor, id)));
    }
}
