package com.cloudpbx.http.routing;

import com.cloudpbx.core.routing.DidChanges;
import com.cloudpbx.core.routing.DidProvisioning;
import com.cloudpbx.core.routing.NewDid;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.routing.DidJson.CreateDidRequest;
import com.cloudpbx.http.routing.DidJson.DidBody;
import com.cloudpbx.http.routing.DidJson.DidList;
import com.cloudpbx.http.routing.DidJson.DidView;
import com.cloudpbx.http.routing.DidJson.MessageWithDid;
import com.cloudpbx.http.routing.DidJson.UpdateDidRequest;
import com.cloudpbx.http.shared.JsonPatch;
import com.cloudpbx.http.shared.Message;
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

/** The tenant's DIDs: the numbers outside callers dial and where their calls go. */
@Controller("/api/dids")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "DIDs")
public class DidController {

    private final DidProvisioning dids;

    public DidController(DidProvisioning dids) {
        this.dids = dids;
    }

    @Get
    public DidList list(@Parameter(hidden = true) Actor actor) {
        var listing = dids.list(actor);
        return new DidList(listing.items().stream()
                .map(did -> DidView.of(did, listing.spansTenants() ? listing.tenants().get(did.tenant()) : null))
                .toList());
    }

    @Get("/{id}")
    public DidBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new DidBody(DidView.of(dids.get(actor, id), null));
    }

    /** The number is normalised to E.164; a number any tenant holds is refused. */
    @Post
    public HttpResponse<DidBody> create(@Parameter(hidden = true) Actor actor, @Body CreateDidRequest body) {
        var created = dids.create(actor, new NewDid(body.number(), body.inboundRoute(), body.routeTarget(),
                body.scheduleId(), body.emergencyCallerId(), body.status()));
        return HttpResponse.status(HttpStatus.CREATED).body(new DidBody(DidView.of(created, null)));
    }

    @Put("/{id}")
    public MessageWithDid update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                 @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                         schema = @Schema(implementation = UpdateDidRequest.class)))
                                 JsonNode body) {
        JsonPatch patch = JsonPatch.of(body);
        var changes = new DidChanges(patch.string("number"), patch.string("inboundRoute"),
                patch.string("routeTarget"), patch.string("scheduleId"), patch.bool("emergencyCallerId"),
                patch.string("status"));
        return new MessageWithDid("DID updated", DidView.of(dids.update(actor, id, changes), null));
    }

    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        dids.delete(actor, id);
        return new Message("DID deleted");
    }
}
