package com.cloudpbx.core.threeway;

import java.util.List;

/** The conference a merge put everybody into, and who is in it (the moderator first). */
public record MergedCall(String conferenceName, List<ThreeWayParticipant> participants) {

    public MergedCall {
        participants = List.copyOf(participants);
    }
}
