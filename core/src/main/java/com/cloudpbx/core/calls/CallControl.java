package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.AttendedTransfers;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.tenants.Tenant;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Commands on live calls: originate, hang up, hold, transfer, park, eavesdrop and move into a
 * conference. Each checks the actor and the call first; nothing is sent to the switch for a
 * command that would be refused.
 */
public final class CallControl {

    private static final Duration RING_TIMEOUT = Duration.ofSeconds(30);

    private final LegControl media;
    private final ConferenceControl conferencing;
    private final LiveChannels live;
    private final ParkSlots parkSlots;
    private final AttendedTransfers transfers;
    private final CallAccess access;
    private final Destinations destinations;
    private final ParkSlotRange slotRange;
    private final ConferenceRooms rooms;

    public CallControl(LegControl media, ConferenceControl conferencing, LiveChannels live, ParkSlots parkSlots,
                       AttendedTransfers transfers, CallAccess access, Destinations destinations,
                       ParkSlotRange slotRange, ConferenceRooms rooms) {
        this.media = media;
        this.conferencing = conferencing;
        this.live = live;
        this.parkSlots = parkSlots;
        this.transfers = transfers;
        this.access = access;
        this.destinations = destinations;
        this.slotRange = slotRange;
        this.rooms = rooms;
    }

    /** Rings {@code fromExtension}; when it answers, dials {@code toNumber}. Returns the first leg's uuid. */
    public UUID originate(Actor actor, String fromExtension, String toNumber) {
        actor.require(Resource.CALLS, Access.WRITE);
        Tenant tenant = access.tenant(actor.requireTenant());
        Extension from = access.activeExtension(tenant.id(), fromExtension, "fromExtension");
        if (!actor.ownsExtension(from.id())) {
            throw DomainException.forbidden("An extension user may originate only from its own extension");
        }
        Destination to = destinations.resolve(tenant, toNumber, "toNumber");
        if (to.kind() == Destination.Kind.EXTENSION && to.value().equals(from.number().value())) {
            throw DomainException.invalid("toNumber", "an extension cannot call itself");
        }
        UUID uuid = UUID.randomUUID();
        media.originate(new Originate(uuid, tenant.id(), Destination.extension(from.number().value(),
                tenant.sipDomain()), to, from.number().value(), from.displayName(), RING_TIMEOUT));
        return uuid;
    }

    public void hangup(Actor actor, UUID uuid) {
        actor.require(Resource.CALLS, Access.WRITE);
        media.hangup(access.channel(actor, uuid).uuid());
    }

    public void hold(Actor actor, UUID uuid, boolean hold) {
        actor.require(Resource.CALLS, Access.WRITE);
        LiveChannel channel = access.channel(actor, uuid);
        if (!channel.answered()) {
            throw DomainException.badRequest("CALL_NOT_ANSWERED", "A ringing call cannot be put on hold");
        }
        media.hold(channel.uuid(), hold);
    }

    /**
     * Blind transfer: the party on the other end of {@code uuid} is sent to the target and the
     * leg itself is released.
     */
    public void transfer(Actor actor, UUID uuid, String target) {
        actor.require(Resource.CALLS, Access.WRITE);
        LiveChannel channel = access.channel(actor, uuid);
        Tenant tenant = access.tenant(channel.tenant());
        Destination destination = destinations.resolve(tenant, target, "targetExtension");
        UUID party = channel.bridgedTo() != null ? channel.bridgedTo() : channel.uuid();
        Optional<LiveChannel> transferred = live.find(party);
        if (transferred.isPresent() && destination.value().equals(transferred.get().extension())) {
            throw DomainException.invalid("targetExtension", "the call is already with " + destination.value());
        }
        media.transfer(party, destination);
    }

    /**
     * Attended transfer: {@code uuid} is the transferor's leg, bridged to the party to transfer.
     * The party is put on hold and the target rings on a consult leg, whose uuid is returned;
     * {@link CompleteAttendedTransfers} takes it from there.
     */
    public UUID attendedTransfer(Actor actor, UUID uuid, String target) {
        actor.require(Resource.CALLS, Access.WRITE);
        LiveChannel transferor = access.channel(actor, uuid);
        if (!transferor.answered() || transferor.bridgedTo() == null) {
            throw DomainException.badRequest("CALL_NOT_BRIDGED",
                    "Only an answered call bridged to another party can be transferred attended");
        }
        Tenant tenant = access.tenant(transferor.tenant());
        if (target != null && slotRange.contains(target.strip())) {
            throw DomainException.invalid("targetExtension", "an attended transfer goes to a person, not a park slot");
        }
        Destination destination = destinations.resolve(tenant, target, "targetExtension");
        UUID party = transferor.bridgedTo();
        if (destination.value().equals(transferor.extension())
                || live.find(party).map(p -> destination.value().equals(p.extension())).orElse(false)) {
            throw DomainException.invalid("targetExtension", destination.value() + " is already on this call");
        }
        if (transfers.findByLeg(transferor.uuid()).isPresent() || transfers.findByLeg(party).isPresent()) {
            throw DomainException.badRequest("TRANSFER_IN_PROGRESS", "This call is already being transferred");
        }
        UUID consult = UUID.randomUUID();
        AttendedTransfer transfer = AttendedTransfer.start(tenant.id(), transferor.uuid(), party, consult);
        // Saved first: the consult leg's events may arrive before the switch returns.
        transfers.save(transfer);
        boolean held = false;
        try {
            media.hold(party, true);
            held = true;
            media.consult(consult, transferor.uuid(), destination);
        } catch (RuntimeException refused) {
            transfers.remove(transfer);
            if (held) {
                resumeQuietly(party);
            }
            throw refused;
        }
        return consult;
    }

    /** Undoes the hold of a transfer the switch refused; the refusal is what the caller needs to see. */
    private void resumeQuietly(UUID party) {
        try {
            media.hold(party, false);
        } catch (RuntimeException ignored) {
            // The party is gone or the switch unreachable: nothing to undo.
        }
    }

    /** Parks the party on the other end of {@code uuid} (or the leg itself) in a free slot. */
    public String park(Actor actor, UUID uuid, String requestedSlot) {
        actor.require(Resource.CALLS, Access.WRITE);
        LiveChannel channel = access.channel(actor, uuid);
        UUID party = channel.bridgedTo() != null ? channel.bridgedTo() : channel.uuid();
        String slot = requestedSlot == null ? claimLowestFree(channel, party)
                : claim(channel, party, slotRange.require(requestedSlot, "slot"));
        try {
            media.park(party, slot);
        } catch (RuntimeException refused) {
            parkSlots.release(channel.tenant(), slot);
            throw refused;
        }
        return slot;
    }

    /** Rings the supervisor's extension to listen to, whisper to or barge into the call. */
    public UUID eavesdrop(Actor actor, UUID uuid, String supervisorExtension, String mode) {
        actor.require(Resource.CALLS, Access.WRITE);
        if (actor.isUser()) {
            throw DomainException.forbidden("An extension user may not eavesdrop");
        }
        LiveChannel channel = access.channel(actor, uuid);
        Tenant tenant = access.tenant(channel.tenant());
        Extension supervisor = access.activeExtension(tenant.id(), supervisorExtension, "extension");
        EavesdropMode parsed = EavesdropMode.parse(mode, "mode");
        UUID spy = UUID.randomUUID();
        media.eavesdrop(spy, channel.uuid(), Destination.extension(supervisor.number().value(), tenant.sipDomain()),
                parsed);
        return spy;
    }

    public void eavesdropMode(Actor actor, UUID spyUuid, String mode) {
        actor.require(Resource.CALLS, Access.WRITE);
        if (actor.isUser()) {
            throw DomainException.forbidden("An extension user may not eavesdrop");
        }
        EavesdropMode parsed = EavesdropMode.parse(Optional.ofNullable(mode).orElseThrow(
                () -> DomainException.invalid("mode", "is required")), "mode");
        media.eavesdropMode(access.channel(actor, spyUuid).uuid(), parsed);
    }

    /**
     * Moves the leg into the tenant's conference (a new one with a generated name when none is
     * given). An extension user may open a new room or join one its own calls are in; joining
     * anybody else's room is the admin's, as kicking and muting there are.
     */
    public String moveToConference(Actor actor, UUID uuid, String conferenceName) {
        actor.require(Resource.CALLS, Access.WRITE);
        LiveChannel channel = access.channel(actor, uuid);
        String name = conferenceName == null ? rooms.generateName() : rooms.requireName(conferenceName,
                "conferenceName");
        String room = rooms.room(channel.tenant(), name);
        if (actor.isUser() && conferenceName != null) {
            requireOwnOrNew(actor, room);
        }
        conferencing.joinConference(channel.uuid(), room);
        return name;
    }

    private void requireOwnOrNew(Actor actor, String room) {
        conferencing.conferences().stream().filter(c -> c.room().equals(room)).findFirst().ifPresent(existing -> {
            boolean ownCallInside = existing.members().stream().map(ConferenceSnapshot.Member::uuid)
                    .filter(Objects::nonNull)
                    .flatMap(member -> live.find(member).stream())
                    .anyMatch(member -> access.ownedByUser(actor, member));
            if (!ownCallInside) {
                throw DomainException.forbidden(
                        "An extension user may move its call only into a new conference or one its own call is in");
            }
        });
    }

    private String claimLowestFree(LiveChannel channel, UUID party) {
        for (int slot = slotRange.first(); slot <= slotRange.last(); slot++) {
            if (parkSlots.claim(channel.tenant(), String.valueOf(slot), party)) {
                return String.valueOf(slot);
            }
        }
        throw DomainException.badRequest("NO_FREE_PARK_SLOT", "Every park slot of this tenant is taken");
    }

    private String claim(LiveChannel channel, UUID party, String slot) {
        if (!parkSlots.claim(channel.tenant(), slot, party)) {
            throw DomainException.badRequest("SLOT_TAKEN", "Park slot " + slot + " is already taken");
        }
        return slot;
    }
}
