package com.cloudpbx.core.threeway;

import com.cloudpbx.core.calls.Destination;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What can happen to a three-way session: a command from the API or an event from the media
 * server. Commands may be refused; events never are (one that does not concern the state is
 * simply noted).
 */
public sealed interface ThreeWayInput {

    /** Commands, from the API. */
    sealed interface Command extends ThreeWayInput {
    }

    /** Events, from the media server. */
    sealed interface Event extends ThreeWayInput {
        UUID leg();
    }

    /** Hold the moderator's party and ring {@code target} on the new leg {@code b}. */
    record AddParticipant(UUID b, Destination target) implements Command {
        public AddParticipant {
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * Bring everybody together: {@code party} is the leg the caller named besides the moderator;
     * {@code conference} names the room when one has to be created.
     */
    record Merge(UUID party, String conference) implements Command {
        public Merge {
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(conference, "conference");
        }
    }

    /**
     * Merge the moderator's call with another call of the same phone: {@code b} is that call's
     * party, {@code released} the phone's own leg on it (hung up once {@code b} is in the room, or
     * null), {@code resume} the legs to take off hold first.
     */
    record MergeDirect(UUID b, UUID released, List<UUID> guests, List<UUID> resume, String conference)
            implements Command {
        public MergeDirect {
            Objects.requireNonNull(b, "b");
            guests = List.copyOf(guests);
            resume = List.copyOf(resume);
            Objects.requireNonNull(conference, "conference");
        }

        /** Two calls of one phone, or a call and a lone leg: no guests. */
        public MergeDirect(UUID b, UUID released, List<UUID> resume, String conference) {
            this(b, released, List.of(), resume, conference);
        }
    }

    /** Talk privately with {@code keep} while {@code hold} waits on hold in the room. */
    record Swap(UUID keep, UUID hold) implements Command {
        public Swap {
            Objects.requireNonNull(keep, "keep");
            Objects.requireNonNull(hold, "hold");
        }
    }

    record Kick(String memberId) implements Command {
        public Kick {
            Objects.requireNonNull(memberId, "memberId");
        }
    }

    record Mute(String memberId, boolean mute) implements Command {
        public Mute {
            Objects.requireNonNull(memberId, "memberId");
        }
    }

    record Hangup(UUID leg) implements Command {
        public Hangup {
            Objects.requireNonNull(leg, "leg");
        }
    }

    record Answered(UUID leg) implements Event {
        public Answered {
            Objects.requireNonNull(leg, "leg");
        }
    }

    /** The leg is gone, whether it had answered or not (busy, no answer and failure included). */
    record HungUp(UUID leg) implements Event {
        public HungUp {
            Objects.requireNonNull(leg, "leg");
        }
    }

    record MemberJoined(UUID leg, String memberId) implements Event {
        public MemberJoined {
            Objects.requireNonNull(leg, "leg");
            Objects.requireNonNull(memberId, "memberId");
        }
    }

    record MemberLeft(UUID leg) implements Event {
        public MemberLeft {
            Objects.requireNonNull(leg, "leg");
        }
    }
}
