package com.cloudpbx.core.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A conference room as the media server has it now. {@code room} is the switch's own name. */
public record ConferenceSnapshot(String room, boolean locked, Instant startedAt, List<Member> members) {

    public ConferenceSnapshot {
        members = List.copyOf(members);
    }

    /** The member that is this leg, if it is in the room. */
    public Optional<Member> member(java.util.UUID leg) {
        return members.stream().filter(m -> leg.equals(m.uuid())).findFirst();
    }

    /** A participant: its member id within the room and the channel it is. */
    public record Member(String memberId, java.util.UUID uuid, String callerIdNumber, String callerIdName,
                         boolean muted) {
    }
}
