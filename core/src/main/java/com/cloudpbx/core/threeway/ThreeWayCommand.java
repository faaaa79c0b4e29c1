package com.cloudpbx.core.threeway;

import com.cloudpbx.core.calls.Destination;
import java.util.UUID;

/**
 * What a transition asks of the media server. Conferences are named as the tenant knows them;
 * the switch's room names are derived when the command is sent.
 */
public sealed interface ThreeWayCommand {

    record Hold(UUID leg, boolean hold) implements ThreeWayCommand {
    }

    /** Ring {@code target} on {@code b}; when it answers the switch bridges it to {@code moderator}. */
    record Consult(UUID b, UUID moderator, Destination target) implements ThreeWayCommand {
    }

    record Join(UUID leg, String conference) implements ThreeWayCommand {
    }

    /** Hold or resume a member inside the conference (it stays a member, hearing music). */
    record HoldMember(String conference, String memberId, boolean hold) implements ThreeWayCommand {
    }

    record Bridge(UUID first, UUID second) implements ThreeWayCommand {
    }

    record Hangup(UUID leg) implements ThreeWayCommand {
    }

    record Kick(String conference, String memberId) implements ThreeWayCommand {
    }

    record Mute(String conference, String memberId, boolean mute) implements ThreeWayCommand {
    }
}
