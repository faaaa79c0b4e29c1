package com.cloudpbx.http.calls;

import com.cloudpbx.core.calls.Sandbox;
import com.cloudpbx.core.routing.SandboxRouting;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.calls.CallJson.DtmfRequest;
import com.cloudpbx.http.calls.CallJson.SandboxCallBody;
import com.cloudpbx.http.calls.CallJson.SandboxCallRequest;
import com.cloudpbx.http.calls.CallJson.SandboxRouteBody;
import com.cloudpbx.http.calls.CallJson.SandboxRouteStep;
import com.cloudpbx.http.shared.Message;
import com.cloudpbx.http.shared.Times;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/**
 * Simulated calls for integrators testing without a phone: ring an extension from an outside
 * number, answer, hang up, press keys. Exists only when the simulated switch is the backend; with
 * a real switch these routes are simply not there (404).
 */
@Controller("/api/sandbox/calls")
@Requires(beans = {Sandbox.class, SandboxRouting.class})
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Sandbox")
public class SandboxController {

    private final Sandbox sandbox;
    private final SandboxRouting routing;

    public SandboxController(Sandbox sandbox, SandboxRouting routing) {
        this.sandbox = sandbox;
        this.routing = routing;
    }

    /**
     * An inbound call from {@code from} (E.164, or {@code anonymous}) to {@code to}: an extension
     * rings it; a DID of the tenant takes the DID's whole route. Returns the caller's leg.
     */
    @Post
    public HttpResponse<SandboxCallBody> inbound(@Parameter(hidden = true) Actor actor,
                                                 @Body SandboxCallRequest body) {
        UUID uuid = routing.inbound(actor, body.from(), body.to());
        return HttpResponse.status(HttpStatus.CREATED).body(new SandboxCallBody(
                "Inbound call from " + body.from() + " to " + body.to() + " is ringing", uuid.toString()));
    }

    /** Where a sandbox call to a DID went so far: each routing step with its time. */
    @Get("/{uuid}/route")
    public SandboxRouteBody route(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid) {
        return new SandboxRouteBody(uuid.toString(), routing.trail(actor, uuid).stream()
                .map(step -> new SandboxRouteStep(step.action(), step.detail(), Times.iso(step.at())))
                .toList());
    }

    /** Answers a ringing leg as its phone would. */
    @Post("/{uuid}/answer")
    public Message answer(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid) {
        sandbox.answer(actor, uuid);
        return new Message("Call answered");
    }

    @Post("/{uuid}/hangup")
    public Message hangup(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid) {
        sandbox.hangup(actor, uuid);
        return new Message("Call hung up");
    }

    @Post("/{uuid}/dtmf")
    public Message dtmf(@Parameter(hidden = true) Actor actor, @PathVariable UUID uuid, @Body DtmfRequest body) {
        sandbox.dtmf(actor, uuid, body.digits());
        return new Message("Sent DTMF " + body.digits());
    }
}
