package com.cloudpbx.http.calls;

import com.cloudpbx.core.calls.CallControl;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.LiveCalls;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.threeway.ThreeWayCalling;
import com.cloudpbx.http.calls.CallJson.ActiveCallView;
import com.cloudpbx.http.calls.CallJson.AttendedTransferBody;
import com.cloudpbx.http.calls.CallJson.ActiveCalls;
import com.cloudpbx.http.calls.CallJson.ConferenceMoveBody;
import com.cloudpbx.http.calls.CallJson.ConferenceMoveRequest;
import com.cloudpbx.http.calls.CallJson.EavesdropBody;
import com.cloudpbx.http.calls.CallJson.EavesdropModeRequest;
import com.cloudpbx.http.calls.CallJson.EavesdropRequest;
import com.cloudpbx.http.calls.CallJson.HoldRequest;
import com.cloudpbx.http.calls.CallJson.OriginateBody;
import com.cloudpbx.http.calls.CallJson.OriginateRequest;
import com.cloudpbx.http.calls.CallJson.ParkBody;
import com.cloudpbx.http.calls.CallJson.ParkRequest;
import com.cloudpbx.http.calls.CallJson.ParkedCallView;
import com.cloudpbx.http.calls.CallJson.ParkedCalls;
import com.cloudpbx.http.calls.CallJson.TransferRequest;
import com.cloudpbx.http.shared.Message;
import io.micronaut.core.annotation.Nullable;
import com.cloudpbx.http.shared.IdempotentCommands;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import java.util.UUID;

/**
 * Live calls: originate, hang up, transfer, hold, park, eavesdrop, move into a conference, and
 * what is live or parked now. A {uuid} is a channel (leg) uuid as the active list and the
 * real-time events show it; an unknown or ended one is a 400, another tenant's a 404.
 */
@Controller("/api/calls")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Calls")
public class CallController {

    private final CallControl control;
    private final ThreeWayCalling threeWay;
    private final LiveCalls live;
    private final IdempotentCommands idempotent;

    /** Hang-ups go through {@link ThreeWayCalling}: a leg of a three-way call ends through its state machine. */
    public CallController(CallControl control, ThreeWayCalling threeWay, LiveCalls live,
                          IdempotentCommands idempotent) {
        this.control = control;
        this.threeWay = threeWay;
        this.live = live;
        this.idempotent = idempotent;
    }

    /** Rings {@code fromExtension}; when it answers, dials {@code toNumber}. */
    @Post("/originate")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OriginateBody.class)))
    public HttpResponse<?> originate(@Parameter(hidden = true) Actor actor, @Body OriginateRequest body,
                                     HttpRequest<?> request) {
        return idempotent.run(actor, request, body, 200, () -> {
            UUID uuid = control.originate(actor, body.fromExtension(), body.toNumber());
            return new OriginateBody("Call originated successfully", uuid.toString());
        });
    }

    @Post("/{uuid}/hangup")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Message.class)))
    public HttpResponse<?> hangup(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid,
                                  HttpRequest<?> request) {
        return idempotent.run(actor, request, null, 200, () -> {
            threeWay.hangup(actor, uuid);
            return new Message("Call hung up successfully");
        });
    }

    /**
     * Blind: the other party is sent to the target at once. Attended: {uuid} is the transferor's
     * leg; its party is held while the target rings on the returned consult leg, and goes to the
     * target when the transferor hangs up after the target answered (back to the transferor if
     * the target does not answer).
     */
    @Post("/{uuid}/transfer")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(
            oneOf = {Message.class, AttendedTransferBody.class})))
    public HttpResponse<?> transfer(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid,
                                    @Body TransferRequest body, HttpRequest<?> request) {
        String type = body.type() == null ? "blind" : body.type();
        return idempotent.run(actor, request, body, 200, () -> switch (type) {
            case "blind" -> {
                control.transfer(actor, uuid, body.targetExtension());
                yield new Message("Call transferred successfully");
            }
            case "attended" -> {
                UUID consult = control.attendedTransfer(actor, uuid, body.targetExtension());
                yield new AttendedTransferBody("Attended transfer started: " + body.targetExtension().strip()
                        + " is ringing", consult.toString());
            }
            default -> throw DomainException.invalid("type", "must be blind or attended");
        });
    }

    @Post("/{uuid}/hold")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Message.class)))
    public HttpResponse<?> hold(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid,
                                @Nullable @Body HoldRequest body, HttpRequest<?> request) {
        boolean hold = body == null || body.hold() == null || body.hold();
        return idempotent.run(actor, request, body, 200, () -> {
            control.hold(actor, uuid, hold);
            return new Message(hold ? "Call placed on hold" : "Call resumed");
        });
    }

    /** Without a slot the lowest free one is taken. */
    @Post("/{uuid}/park")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ParkBody.class)))
    public HttpResponse<?> park(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid,
                         @Nullable @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                 required = false, content = @Content(schema = @Schema(
                                         implementation = ParkRequest.class))) JsonNode body,
                                HttpRequest<?> request) {
        String requested = JsonScalars.stringOrInteger(body, "slot");
        return idempotent.run(actor, request, requested, 200, () -> {
            String slot = control.park(actor, uuid, requested);
            return new ParkBody("Call parked in slot " + slot, slot);
        });
    }

    @Get("/parked")
    public ParkedCalls parked(@Parameter(hidden = true) Actor actor) {
        return new ParkedCalls(live.parked(actor).stream().map(ParkedCallView::of).toList());
    }

    @Post("/{uuid}/eavesdrop")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EavesdropBody.class)))
    public HttpResponse<?> eavesdrop(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid,
                                     @Body EavesdropRequest body, HttpRequest<?> request) {
        return idempotent.run(actor, request, body, 200, () -> {
            UUID spy = control.eavesdrop(actor, uuid, body.extension(), body.mode());
            String mode = EavesdropMode.parse(body.mode(), "mode").wireName();
            return new EavesdropBody("Eavesdropping in " + mode + " mode: extension " + body.extension()
                    + " is ringing", spy.toString());
        });
    }

    @Post("/{spyUuid}/eavesdrop/mode")
    public Message eavesdropMode(@Parameter(hidden = true) Actor actor, @PathVariable UUID spyUuid,
                                 @Body EavesdropModeRequest body) {
        control.eavesdropMode(actor, spyUuid, body.mode());
        return new Message("Eavesdrop mode changed to " + body.mode());
    }

    @Get("/active")
    public ActiveCalls active(@Parameter(hidden = true) Actor actor) {
        return new ActiveCalls(live.active(actor).stream().map(ActiveCallView::of).toList());
    }

    /** Without a name a new conference with a generated name is opened. */
    @Post("/{uuid}/conference")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConferenceMoveBody.class)))
    public HttpResponse<?> conference(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid,
                                      @Nullable @Body ConferenceMoveRequest body, HttpRequest<?> request) {
        return idempotent.run(actor, request, body, 200, () -> {
            String name = control.moveToConference(actor, uuid, body == null ? null : body.conferenceName());
            return new ConferenceMoveBody("Call moved to conference " + name, name);
        });
    }
}
