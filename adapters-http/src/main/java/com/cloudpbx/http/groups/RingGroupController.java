package com.cloudpbx.http.groups;

import com.cloudpbx.core.routing.RingGroupRequest;
import com.cloudpbx.core.routing.RingGroups;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.groups.GroupJson.MessageWithRingGroup;
import com.cloudpbx.http.groups.GroupJson.RingGroupBody;
import com.cloudpbx.http.groups.GroupJson.RingGroupList;
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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** Ring groups of the acting tenant: extensions rung together, and where unanswered calls go. */
@Controller("/api/ring-groups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Ring groups")
public class RingGroupController {

    private final RingGroups groups;

    public RingGroupController(RingGroups groups) {
        this.groups = groups;
    }

    @Get
    public RingGroupList list(@Parameter(hidden = true) Actor actor) {
        var listing = groups.list(actor);
        return new RingGroupList(listing.items().stream()
                .map(g -> GroupViews.view(g, listing.spansTenants() ? listing.tenants().get(g.tenant()) : null))
                .toList());
    }

    @Get("/{id}")
    public RingGroupBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new RingGroupBody(GroupViews.view(groups.get(actor, id), null));
    }

    @Post
    public HttpResponse<RingGroupBody> create(@Parameter(hidden = true) Actor actor, @Body @RequestBody(content = @Content(
                                               schema = @Schema(implementation = GroupJson.RingGroupRequest.class)))
                                       JsonNode body) {
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new RingGroupBody(GroupViews.view(groups.create(actor, request(body)), null)));
    }

    /** Fields sent replace the stored ones; members, when sent, replace the whole list. */
    @Put("/{id}")
    public MessageWithRingGroup update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                       @Body @RequestBody(content = @Content(
                                               schema = @Schema(implementation = GroupJson.RingGroupRequest.class)))
                                       JsonNode body) {
        return new MessageWithRingGroup("Ring group updated", GroupViews.view(groups.update(actor, id, request(body)), null));
    }

    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        groups.delete(actor, id);
        return new Message("Ring group deleted");
    }

    private static RingGroupRequest request(JsonNode json) {
        GroupBody body = GroupBody.of(json);
        return new RingGroupRequest(body.string("name"), body.string("strategy"), body.integer("ringTimeout"),
                body.string("noAnswerAction"), body.string("noAnswerTarget"),
                body.members((member, i) -> new RingGroupRequest.Member(GroupBody.extension(member, i),
                        GroupBody.memberInteger(member, i, "priority"),
                        GroupBody.memberInteger(member, i, "delaySeconds"))));
    }
}
