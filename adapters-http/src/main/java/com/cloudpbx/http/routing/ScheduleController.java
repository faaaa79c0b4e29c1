package com.cloudpbx.http.routing;

import com.cloudpbx.core.routing.NewSchedule;
import com.cloudpbx.core.routing.ScheduleChanges;
import com.cloudpbx.core.routing.ScheduleProvisioning;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.routing.ScheduleJson.CreateScheduleRequest;
import com.cloudpbx.http.routing.ScheduleJson.MessageWithSchedule;
import com.cloudpbx.http.routing.ScheduleJson.ScheduleBody;
import com.cloudpbx.http.routing.ScheduleJson.ScheduleList;
import com.cloudpbx.http.routing.ScheduleJson.ScheduleView;
import com.cloudpbx.http.routing.ScheduleJson.StatusBody;
import com.cloudpbx.http.routing.ScheduleJson.UpdateScheduleRequest;
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

/** The tenant's business-hours schedules, and whether one is open now. */
@Controller("/api/schedules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Schedules")
public class ScheduleController {

    private final ScheduleProvisioning schedules;

    public ScheduleController(ScheduleProvisioning schedules) {
        this.schedules = schedules;
    }

    @Get
    public ScheduleList list(@Parameter(hidden = true) Actor actor) {
        var listing = schedules.list(actor);
        return new ScheduleList(listing.items().stream()
                .map(s -> ScheduleView.of(s, listing.spansTenants() ? listing.tenants().get(s.tenant()) : null))
                .toList());
    }

    @Get("/{id}")
    public ScheduleBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new ScheduleBody(ScheduleView.of(schedules.get(actor, id), null));
    }

    /** Open or closed now; {@code currentTime} is now on the schedule's wall clock, with its offset. */
    @Get("/{id}/status")
    public StatusBody status(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return StatusBody.of(schedules.status(actor, id));
    }

    @Post
    public HttpResponse<ScheduleBody> create(@Parameter(hidden = true) Actor actor,
                                             @Body CreateScheduleRequest body) {
        var created = schedules.create(actor, new NewSchedule(body.name(), body.timezone(),
                ScheduleBodies.hours(body.schedules()), ScheduleBodies.holidays(body.holidays()),
                body.afterHoursAction(), body.afterHoursTarget()));
        return HttpResponse.status(HttpStatus.CREATED).body(new ScheduleBody(ScheduleView.of(created, null)));
    }

    /** A list given replaces the whole list; fields left out stay as they are. */
    @Put("/{id}")
    public MessageWithSchedule update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                      @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                              schema = @Schema(implementation = UpdateScheduleRequest.class)))
                                      JsonNode body) {
        JsonPatch patch = JsonPatch.of(body);
        var changes = new ScheduleChanges(patch.string("name"), patch.string("timezone"),
                ScheduleBodies.hours(body), ScheduleBodies.holidays(body), patch.string("afterHoursAction"),
                patch.string("afterHoursTarget"));
        return new MessageWithSchedule("Schedule updated",
                ScheduleView.of(schedules.update(actor, id, changes), null));
    }

    /** Refused (400 IN_USE) while DIDs follow the schedule. */
    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        schedules.delete(actor, id);
        return new Message("Schedule deleted");
    }
}
