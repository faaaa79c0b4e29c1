package com.cloudpbx.http.ivr;

import com.cloudpbx.core.routing.IvrMenuChanges;
import com.cloudpbx.core.routing.IvrMenuDraft;
import com.cloudpbx.core.routing.IvrMenuDraft.OptionDraft;
import com.cloudpbx.core.routing.IvrMenus;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.http.ivr.IvrMenuJson.IvrMenuBody;
import com.cloudpbx.http.ivr.IvrMenuJson.IvrMenuList;
import com.cloudpbx.http.ivr.IvrMenuJson.IvrMenuRequest;
import com.cloudpbx.http.ivr.IvrMenuJson.IvrMenuView;
import com.cloudpbx.http.ivr.IvrMenuJson.MessageWithIvrMenu;
import com.cloudpbx.http.shared.BodyFields;
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
import java.util.List;
import java.util.UUID;

/** IVR menus of the acting tenant. */
@Controller("/api/ivr-menus")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "IVR menus")
public class IvrMenuController {

    private final IvrMenus menus;

    public IvrMenuController(IvrMenus menus) {
        this.menus = menus;
    }

    @Get
    public IvrMenuList list(@Parameter(hidden = true) Actor actor) {
        var listing = menus.list(actor);
        return new IvrMenuList(listing.items().stream()
                .map(m -> IvrMenuView.of(m, listing.spansTenants() ? listing.tenants().get(m.tenant()) : null))
                .toList());
    }

    @Get("/{id}")
    public IvrMenuBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new IvrMenuBody(IvrMenuView.of(menus.get(actor, id), null));
    }

    @Post
    public HttpResponse<IvrMenuBody> create(@Parameter(hidden = true) Actor actor,
                                            @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                    schema = @Schema(implementation = IvrMenuRequest.class)))
                                            JsonNode body) {
        BodyFields fields = BodyFields.of(body);
        var draft = new IvrMenuDraft(fields.text("name").value(), fields.text("greeting").value(),
                fields.integer("timeoutSeconds").value(), fields.integer("maxRetries").value(),
                options(fields.objects("options")).value(), fields.text("timeoutAction").value(),
                fields.text("timeoutTarget").value());
        return HttpResponse.status(HttpStatus.CREATED).body(new IvrMenuBody(IvrMenuView.of(menus.create(actor, draft), null)));
    }

    /** A partial update; options, when sent, replace the whole list. */
    @Put("/{id}")
    public MessageWithIvrMenu update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                     @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                             schema = @Schema(implementation = IvrMenuRequest.class)))
                                     JsonNode body) {
        BodyFields fields = BodyFields.of(body);
        var changes = new IvrMenuChanges(fields.text("name"), fields.text("greeting"), fields.integer("timeoutSeconds"),
                fields.integer("maxRetries"), options(fields.objects("options")), fields.text("timeoutAction"),
                fields.text("timeoutTarget"));
        return new MessageWithIvrMenu("IVR menu updated", IvrMenuView.of(menus.update(actor, id, changes), null));
    }

    /** Refused (400 IN_USE) while another menu or a queue still sends calls to it. */
    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        menus.delete(actor, id);
        return new Message("IVR menu deleted");
    }

    private static Change<List<OptionDraft>> options(Change<List<BodyFields>> sent) {
        return sent.map(items -> items.stream().map(item -> new OptionDraft(item.text("digit").value(),
                item.text("action").value(), item.text("target").value())).toList());
    }
}
