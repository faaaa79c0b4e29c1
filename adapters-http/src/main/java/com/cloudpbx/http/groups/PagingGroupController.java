package com.cloudpbx.http.groups;

import com.cloudpbx.core.routing.BroadcastPaging;
import com.cloudpbx.core.routing.PageResult;
import com.cloudpbx.core.routing.PagingGroupRequest;
import com.cloudpbx.core.routing.PagingGroups;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.groups.GroupJson.BroadcastBody;
import com.cloudpbx.http.groups.GroupJson.BroadcastRequest;
import com.cloudpbx.http.groups.GroupJson.BroadcastResult;
import com.cloudpbx.http.groups.GroupJson.MessageWithPagingGroup;
import com.cloudpbx.http.groups.GroupJson.PagingGroupBody;
import com.cloudpbx.http.groups.GroupJson.PagingGroupList;
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

/** Paging groups of the acting tenant, and pages to them from the API. */
@Controller("/api/paging-groups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Paging groups")
public class PagingGroupController {

    private final PagingGroups groups;
    private final BroadcastPaging paging;

    public PagingGroupController(PagingGroups groups, BroadcastPaging paging) {
        this.groups = groups;
        this.paging = paging;
    }

    @Get
    public PagingGroupList list(@Parameter(hidden = true) Actor actor) {
        var listing = groups.list(actor);
        return new PagingGroupList(listing.items().stream()
                .map(g -> GroupViews.view(g, listing.spansTenants() ? listing.tenants().get(g.tenant()) : null))
                .toList());
    }

    @Get("/{id}")
    public PagingGroupBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new PagingGroupBody(GroupViews.view(groups.get(actor, id), null));
    }

    @Post
    public HttpResponse<PagingGroupBody> create(@Parameter(hidden = true) Actor actor,
                                                @Body @RequestBody(content = @Content(schema = @Schema(
                                                        implementation = GroupJson.PagingGroupRequest.class)))
                                                JsonNode body) {
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new PagingGroupBody(GroupViews.view(groups.create(actor, request(body)), null)));
    }

    /** Fields sent replace the stored ones; members, when sent, replace the whole list. */
    @Put("/{id}")
    public MessageWithPagingGroup update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                         @Body @RequestBody(content = @Content(schema = @Schema(
                                                 implementation = GroupJson.PagingGroupRequest.class)))
                                         JsonNode body) {
        return new MessageWithPagingGroup("Paging group updated",
                GroupViews.view(groups.update(actor, id, request(body)), null));
    }

    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        groups.delete(actor, id);
        return new Message("Paging group deleted");
    }

    /** Rings the caller and every member with auto-answer and puts those who answered in one room. */
    @Post("/{id}/broadcast")
    public BroadcastBody broadcast(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                   @Body BroadcastRequest body) {
        PageResult page = paging.broadcast(actor, id, body.callerExtension());
        return new BroadcastBody(page.jobId().toString(), page.groupName(), page.conferenceName(),
                page.membersContacted(), page.membersOnline(), page.membersTotal(),
                page.results().stream()
                        .map(r -> new BroadcastResult(r.extension(), r.online() ? "online" : "offline"))
                        .toList());
    }

    private static PagingGroupRequest request(JsonNode json) {
        GroupBody body = GroupBody.of(json);
        return new PagingGroupRequest(body.string("name"), body.string("description"), body.string("extensionCode"),
                body.members(GroupBody::extension));
    }
}
