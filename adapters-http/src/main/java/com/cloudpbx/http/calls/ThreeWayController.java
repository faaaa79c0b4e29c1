package com.cloudpbx.http.calls;

import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.threeway.AddedParticipant;
import com.cloudpbx.core.threeway.MergedCall;
import com.cloudpbx.core.threeway.SwappedParticipants;
import com.cloudpbx.core.threeway.ThreeWayCalling;
import com.cloudpbx.http.calls.ThreeWayJson.AddParticipantBody;
import com.cloudpbx.http.calls.ThreeWayJson.AddParticipantRequest;
import com.cloudpbx.http.calls.ThreeWayJson.MergeBody;
import com.cloudpbx.http.calls.ThreeWayJson.MergeDirectRequest;
import com.cloudpbx.http.calls.ThreeWayJson.MergeRequest;
import com.cloudpbx.http.calls.ThreeWayJson.SwapBody;
import com.cloudpbx.http.calls.ThreeWayJson.SwapRequest;
import com.cloudpbx.http.shared.IdempotentCommands;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/**
 * Three-way calling: add a participant to the moderator's call, merge everybody into a
 * conference, go private with one participant, and merge two calls of one phone. A step the
 * call's state does not allow is a 400 INVALID_STATE naming the state (docs/three-way-calling.md).
 */
@Controller("/api/calls")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Three-way calls")
public class ThreeWayController {

    private final ThreeWayCalling threeWay;
    private final IdempotentCommands idempotent;

    public ThreeWayController(ThreeWayCalling threeWay, IdempotentCommands idempotent) {
        this.threeWay = threeWay;
        this.idempotent = idempotent;
    }

    /** {uuid} is the moderator's own leg; its party is held while exactly one target rings. */
    @Post("/{uuid}/add-participant")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AddParticipantBody.class)))
    public HttpResponse<?> addParticipant(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid,
                                          @Body AddParticipantRequest body, HttpRequest<?> request) {
        return idempotent.run(actor, request, body, 200, () -> {
            AddedParticipant added = threeWay.addParticipant(actor, uuid, body.toNumber(), body.toExtension());
            String target = body.toNumber() != null ? body.toNumber().strip() : body.toExtension().strip();
            return new AddParticipantBody("Adding " + target + " to the call: the other party is on hold",
                    added.newCallUuid().toString(), added.originalBridgedLeg().toString());
        });
    }

    @Post("/three-way/merge")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MergeBody.class)))
    public HttpResponse<?> merge(@Parameter(hidden = true) Actor actor, @Body MergeRequest body,
                                 HttpRequest<?> request) {
        return idempotent.run(actor, request, body, 200, () -> {
            MergedCall merged = threeWay.merge(actor, CallUuids.required(body.callUuidA(), "callUuidA"),
                    CallUuids.required(body.callUuidB(), "callUuidB"),
                    CallUuids.optional(body.bridgedLegA(), "bridgedLegA"), body.conferenceName());
            return MergeBody.of("Calls merged into conference " + merged.conferenceName(), merged);
        });
    }

    @Post("/three-way/swap")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SwapBody.class)))
    public HttpResponse<?> swap(@Parameter(hidden = true) Actor actor, @Body SwapRequest body,
                                HttpRequest<?> request) {
        return idempotent.run(actor, request, body, 200, () -> {
            if (body.conferenceName() == null || body.conferenceName().isBlank()) {
                throw DomainException.invalid("conferenceName", "is required");
            }
            SwappedParticipants swapped = threeWay.swap(actor, body.conferenceName().strip(),
                    CallUuids.required(body.keepUuid(), "keepUuid"), CallUuids.required(body.holdUuid(), "holdUuid"));
            return new SwapBody("Talking privately; the other participant is on hold", swapped.conferenceName(),
                    swapped.activeUuid().toString(), swapped.heldUuid().toString());
        });
    }

    /** Two calls of one phone (or a call and a lone leg) into one conference, the phone moderating. */
    @Post("/three-way/merge-direct")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MergeBody.class)))
    public HttpResponse<?> mergeDirect(@Parameter(hidden = true) Actor actor, @Body MergeDirectRequest body,
                                       HttpRequest<?> request) {
        return idempotent.run(actor, request, body, 200, () -> {
            MergedCall merged = threeWay.mergeDirect(actor, CallUuids.required(body.callUuidA(), "callUuidA"),
                    CallUuids.required(body.callUuidB(), "callUuidB"), body.conferenceName());
            return MergeBody.of("Calls merged into conference " + merged.conferenceName(), merged);
        });
    }
}
