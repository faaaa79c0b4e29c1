package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A page: the caller speaks, everybody paged listens. It reuses the conference machinery — a
 * fresh room of the tenant, the caller joined first as the one voice, each paged leg joined and
 * muted. Paging groups (who is paged, how their phones auto-answer) arrive with routing, which
 * rings the group and hands the answered legs to {@link #broadcast}.
 */
public final class PagingBroadcast {

    /** How the name of a page's room starts, telling it from other rooms. */
    public static final String ROOM_PREFIX = "page-";

    private final ConferenceControl media;
    private final ConferenceRooms rooms;
    private final LiveChannels live;
    private final ConferenceMembers members;

    public PagingBroadcast(ConferenceControl media, ConferenceRooms rooms, LiveChannels live, Duration memberWait) {
        this.media = media;
        this.rooms = rooms;
        this.live = live;
        this.members = new ConferenceMembers(media, memberWait);
    }

    /** Puts the caller and the paged legs (all answered legs of the tenant) in a new room; returns its name. */
    public String broadcast(TenantId tenant, UUID callerLeg, List<UUID> pagedLegs) {
        for (UUID leg : concat(callerLeg, pagedLegs)) {
            LiveChannel channel = live.find(leg).filter(c -> c.tenant().equals(tenant)).orElseThrow(() ->
                    DomainException.badRequest("CALL_NOT_FOUND", "Call " + leg + " was not found or has ended"));
            if (!channel.answered()) {
                throw DomainException.badRequest("CALL_NOT_ANSWERED", "Call " + leg + " has not answered");
            }
        }
        String name = ROOM_PREFIX + rooms.generateName().substring("conf-".length());
        String room = rooms.room(tenant, name);
        media.joinConference(callerLeg, room);
        for (UUID leg : pagedLegs) {
            media.joinConference(leg, room);
            members.await(room, List.of(leg)).flatMap(snapshot -> snapshot.member(leg))
                    .ifPresent(member -> media.mute(room, member.memberId(), true));
        }
        return name;
    }

    private static List<UUID> concat(UUID first, List<UUID> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
