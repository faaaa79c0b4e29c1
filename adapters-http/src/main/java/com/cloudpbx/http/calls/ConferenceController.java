package com.cloudpbx.http.calls;

import com.cloudpbx.core.calls.Conferences;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.calls.ConferenceJson.ConferenceBody;
import com.cloudpbx.http.calls.ConferenceJson.ConferenceList;
import com.cloudpbx.http.calls.ConferenceJson.ConferenceView;
import com.cloudpbx.http.calls.ConferenceJson.JoinRequest;
import com.cloudpbx.http.calls.ConferenceJson.KickRequest;
import com.cloudpbx.http.calls.ConferenceJson.LockRequest;
import com.cloudpbx.http.calls.ConferenceJson.MuteRequest;
import com.cloudpbx.http.shared.Message;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cloudpbx.core.threeway.ThreeWayCalling;
import java.time.Clock;

/** The acting tenant's conference rooms: list, inspect, join a call, kick, mute and lock. */
@Controller("/api/conferences")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Conferences")
public class ConferenceController {

    private final Conferences conferences;
    private final ThreeWayCalling threeWay;
    private final Clock clock;

    /** Kicks and mutes go through {@link ThreeWayCalling}: a three-way call's room follows its state machine. */
    public ConferenceController(Conferences conferences, ThreeWayCalling threeWay, Clock clock) {
        this.conferences = conferences;
        this.threeWay = threeWay;
        this.clock = clock;
    }

    @Get
    public ConferenceList list(@Parameter(hidden = true) Actor actor) {
        var now = clock.instant();
        return new ConferenceList(conferences.list(actor).stream().map(c -> ConferenceView.of(c, now)).toList());
    }

    @Get("/{name}")
    public ConferenceBody get(@Parameter(hidden = true) Actor actor, @PathVariable String name) {
        return new ConferenceBody(ConferenceView.of(conferences.get(actor, name), clock.instant()));
    }

    @Post("/{name}/join")
    public Message join(@Parameter(hidden = true) Actor actor, @PathVariable String name, @Body JoinRequest body) {
        conferences.join(actor, name, CallUuids.required(body.callUuid(), "callUuid"));
        return new Message("Call joined conference " + name);
    }

    @Post("/{name}/kick")
    public Message kick(@Parameter(hidden = true) Actor actor, @PathVariable String name,
                        @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                schema = @Schema(implementation = KickRequest.class))) JsonNode body) {
        threeWay.kick(actor, name, JsonScalars.stringOrInteger(body, "memberId"));
        return new Message("Member kicked from conference");
    }

    @Post("/{name}/mute")
    public Message mute(@Parameter(hidden = true) Actor actor, @PathVariable String name,
                        @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                schema = @Schema(implementation = MuteRequest.class))) JsonNode body) {
        boolean mute = JsonScalars.bool(body, "mute", true);
        threeWay.mute(actor, name, JsonScalars.stringOrInteger(body, "memberId"), mute);
        return new Message(mute ? "Member muted" : "Member unmuted");
    }

    /** Without {@code locked} the room is locked: the verb says so. */
    @Post("/{name}/lock")
    public Message lock(@Parameter(hidden = true) Actor actor, @PathVariable String name,
                        @Nullable @Body LockRequest body) {
        boolean locked = body == null || body.locked() == null || body.locked();
        conferences.lock(actor, name, locked);
        return new Message(locked ? "Conference locked" : "Conference unlocked");
    }

}
