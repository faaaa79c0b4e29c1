package com.cloudpbx.http.blocklist;

import com.cloudpbx.core.blocklist.BlockedNumberChanges;
import com.cloudpbx.core.blocklist.BlocklistManagement;
import com.cloudpbx.core.blocklist.NewBlockedNumber;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.blocklist.BlocklistJson.BlockRequest;
import com.cloudpbx.http.blocklist.BlocklistJson.BlockedBody;
import com.cloudpbx.http.blocklist.BlocklistJson.BlockedList;
import com.cloudpbx.http.blocklist.BlocklistJson.BlockedView;
import com.cloudpbx.http.blocklist.BlocklistJson.CheckBody;
import com.cloudpbx.http.blocklist.BlocklistJson.MessageWithBlocked;
import com.cloudpbx.http.blocklist.BlocklistJson.UpdateBlockRequest;
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

/** The acting tenant's blocklist: numbers, prefixes and anonymous callers it refuses calls from or to. */
@Controller("/api/blocklist")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Blocklist")
public class BlocklistController {

    private final BlocklistManagement blocklist;

    public BlocklistController(BlocklistManagement blocklist) {
        this.blocklist = blocklist;
    }

    @Get
    public BlockedList list(@Parameter(hidden = true) Actor actor) {
        var listing = blocklist.list(actor);
        return new BlockedList(listing.entries().stream()
                .map(e -> BlockedView.of(e, listing.spansTenants() ? listing.tenants().get(e.tenant()) : null))
                .toList());
    }

    /** Whether a number is blocked in any direction, and the entry that blocks it (exact, prefix, anonymous). */
    @Get("/check/{number}")
    public CheckBody check(@Parameter(hidden = true) Actor actor, @PathVariable String number) {
        var entry = blocklist.check(actor, number);
        return new CheckBody(entry.isPresent(), entry.map(e -> BlockedView.of(e, null)).orElse(null));
    }

    @Get("/{id}")
    public BlockedBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new BlockedBody(BlockedView.of(blocklist.get(actor, id), null));
    }

    @Post
    public HttpResponse<BlockedBody> create(@Parameter(hidden = true) Actor actor, @Body BlockRequest body) {
        var created = blocklist.create(actor, new NewBlockedNumber(body.number(), body.reason(), body.direction()));
        return HttpResponse.status(HttpStatus.CREATED).body(new BlockedBody(BlockedView.of(created, null)));
    }

    @Put("/{id}")
    public MessageWithBlocked update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                     @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                             schema = @Schema(implementation = UpdateBlockRequest.class)))
                                     JsonNode body) {
        JsonPatch patch = JsonPatch.of(body);
        if (body.get("number") != null) {
            // An entry is its pattern: a different number is a new entry, not this one changed.
            throw DomainException.invalid("number", "cannot be changed: block the new number and remove this entry");
        }
        var updated = blocklist.update(actor, id, new BlockedNumberChanges(patch.string("reason"),
                patch.string("direction")));
        return new MessageWithBlocked("Blocked number updated", BlockedView.of(updated, null));
    }

    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        var deleted = blocklist.delete(actor, id);
        return new Message(deleted.pattern().wire() + " unblocked");
    }
}
