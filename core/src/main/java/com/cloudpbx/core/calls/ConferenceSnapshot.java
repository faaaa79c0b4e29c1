package com.cloudpbx.core.calls;

import java.time.Instant;
import java.util.List;

/** A conference room as the media server has it now. {@code room} is the switch's own name. */
public record ConferenceSnapshot(String room, boolean locked, Instant startedAt, List<Member> members) {

    public ConferenceSnapshot {
        members = List.copyOf(members);
    }

    /** A participant: its member id within the room and the channel it is. */
    public record Member(String memberId, java.util.UUID uuid, String callerIdNumber, String callerIdName,
                         boolean muted) {
    }
}
