package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.CallSimulator;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.tenants.Tenant;
import java.util.UUID;

/** Tenant admins drive simulated calls: ring an extension from outside, answer, hang up, press keys. */
public final class Sandbox {

    private final CallSimulator simulator;
    private final LegControl media;
    private final CallAccess access;

    public Sandbox(CallSimulator simulator, LegControl media, CallAccess access) {
        this.simulator = simulator;
        this.media = media;
        this.access = access;
    }

    public UUID inbound(Actor actor, String from, String to) {
        requireAdmin(actor);
        Tenant tenant = access.tenant(actor.requireTenant());
        PhoneNumber caller = PhoneNumber.parse(from, "from");
        var extension = access.activeExtension(tenant.id(), to, "to");
        return simulator.inbound(tenant.id(), caller.e164(),
                Destination.extension(extension.number().value(), tenant.sipDomain()));
    }

    public void answer(Actor actor, UUID uuid) {
        requireAdmin(actor);
        LiveChannel channel = access.channel(actor, uuid);
        if (channel.answered()) {
            throw DomainException.badRequest("ALREADY_ANSWERED", "Call " + uuid + " is already answered");
        }
        simulator.answer(channel.uuid());
    }

    public void hangup(Actor actor, UUID uuid) {
        requireAdmin(actor);
        media.hangup(access.channel(actor, uuid).uuid());
    }

    public void dtmf(Actor actor, UUID uuid, String digits) {
        requireAdmin(actor);
        if (digits == null || !digits.matches("^[0-9*#A-D]{1,32}$")) {
            throw DomainException.invalid("digits", "must be 1-32 of 0-9, *, # and A-D");
        }
        simulator.dtmf(access.channel(actor, uuid).uuid(), digits);
    }

    /** The sandbox is for the tenant's admins: a user or a readonly credential may not place test calls. */
    public static void requireAdmin(Actor actor) {
        actor.require(Resource.CALLS, Access.WRITE);
        if (actor.isUser()) {
            throw DomainException.forbidden("The sandbox is for tenant admins");
        }
    }
}
