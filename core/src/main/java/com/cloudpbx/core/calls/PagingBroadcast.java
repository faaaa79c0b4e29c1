package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A page: the caller speaks, everybody paged listens. It reuses the conference machinery — a
 * fresh room of the tenant, the caller joined first as the one voice, each paged leg joined and
 * muted. Paging groups (who is paged, how their phones auto-answer) arrive with routing, which
 * rings the group and hands the answered legs to {@link #broadcast}.
 */
public final class PagingBroadcast {

    private static final Duration POLL = Duration.ofMillis(20);

    private final MediaServer media;
    private final ConferenceRooms rooms;
    private final LiveCallStore live;
    private final Duration memberWait;

    public PagingBroadcast(MediaServer media, ConferenceRooms rooms, LiveCallStore live, Duration memberWait) {
        this.media = media;
        this.rooms = rooms;
        this.live = live;
        this.memberWait = Objects.requireNonNull(memberWait, "memberWait");
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
        String name = "page-" + rooms.generateName().substring("conf-".length());
        String room = rooms.room(tenant, name);
        media.joinConference(callerLeg, room);
        for (UUID leg : pagedLegs) {
            media.joinConference(leg, room);
            memberId(room, leg).ifPresent(member -> media.mute(room, member, true));
        }
        return name;
    }

    /** The leg's member id once the switch lists it (members join a moment after the command). */
    private Optional<String> memberId(String room, UUID leg) {
        long deadline = System.nanoTime() + memberWait.toNanos();
        while (true) {
            Optional<String> member = media.conferences().stream().filter(c -> c.room().equals(room))
                    .flatMap(c -> c.members().stream()).filter(m -> leg.equals(m.uuid()))
                    .map(ConferenceSnapshot.Member::memberId).findFirst();
            if (member.isPresent() || System.nanoTime() >= deadline) {
                return member;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private static List<UUID> concat(UUID first, List<UUID> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
