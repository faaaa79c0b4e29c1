package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The tenant's conference rooms: list, inspect, join, kick, mute and lock. */
public final class Conferences {

    private final ConferenceControl media;
    private final ConferenceRooms rooms;
    private final CallAccess access;

    public Conferences(ConferenceControl media, ConferenceRooms rooms, CallAccess access) {
        this.media = media;
        this.rooms = rooms;
        this.access = access;
    }

    public List<Conference> list(Actor actor) {
        actor.require(Resource.CONFERENCES, Access.READ);
        TenantId tenant = actor.requireTenant();
        return media.conferences().stream()
                .flatMap(room -> rooms.nameOf(tenant, room.room()).stream()
                        .map(name -> new Conference(name, room.locked(), room.startedAt(), room.members())))
                .sorted(Comparator.comparing(Conference::name))
                .toList();
    }

    public Conference get(Actor actor, String name) {
        return list(actor).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> DomainException.notFound("Conference"));
    }

    public void join(Actor actor, String name, UUID callUuid) {
        actor.require(Resource.CONFERENCES, Access.WRITE);
        TenantId tenant = actor.requireTenant();
        rooms.requireName(name, "name");
        if (callUuid == null) {
            throw DomainException.invalid("callUuid", "is required");
        }
        LiveChannel channel = access.channel(actor, callUuid);
        media.joinConference(channel.uuid(), rooms.room(tenant, name));
    }

    public void kick(Actor actor, String name, String memberId) {
        Conference conference = writable(actor, name);
        media.kick(rooms.room(actor.requireTenant(), conference.name()), member(conference, memberId));
    }

    public void mute(Actor actor, String name, String memberId, boolean mute) {
        Conference conference = writable(actor, name);
        media.mute(rooms.room(actor.requireTenant(), conference.name()), member(conference, memberId), mute);
    }

    public void lock(Actor actor, String name, boolean locked) {
        Conference conference = writable(actor, name);
        media.lock(rooms.room(actor.requireTenant(), conference.name()), locked);
    }

    private Conference writable(Actor actor, String name) {
        actor.require(Resource.CONFERENCES, Access.WRITE);
        if (actor.isUser()) {
            throw DomainException.forbidden("An extension user may not manage conferences");
        }
        return get(actor, name);
    }

    private static String member(Conference conference, String memberId) {
        if (memberId == null || memberId.isBlank()) {
            throw DomainException.invalid("memberId", "is required");
        }
        return conference.members().stream().map(ConferenceSnapshot.Member::memberId)
                .filter(memberId::equals).findFirst()
                .orElseThrow(() -> DomainException.badRequest("MEMBER_NOT_FOUND",
                        "No member " + memberId + " in conference " + conference.name()));
    }
}
