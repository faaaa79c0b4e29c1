package com.cloudpbx.core.threeway;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a moderator's three-way call stands. The moderator's own leg is not part of the state: it
 * is the session's key. {@code a} is the party the moderator first talked to, {@code b} the one
 * added; names are the tenant's conference names, not the switch's rooms.
 */
public sealed interface ThreeWayState {

    /** The state's name as the API and the docs show it (TWO_PARTY, CONSULTING, ...). */
    StateName name();

    enum StateName {
        TWO_PARTY,
        CONSULTING,
        CONSULT_ANSWERED,
        MERGED,
        PRIVATE,
        ENDED
    }

    /** The moderator talks to {@code a}. */
    record TwoParty(UUID a) implements ThreeWayState {
        public TwoParty {
            Objects.requireNonNull(a, "a");
        }

        @Override
        public StateName name() {
            return StateName.TWO_PARTY;
        }
    }

    /** {@code a} waits on hold while {@code b} is ringing. */
    record Consulting(UUID a, UUID b) implements ThreeWayState {
        public Consulting {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }

        @Override
        public StateName name() {
            return StateName.CONSULTING;
        }
    }

    /** {@code b} answered and talks to the moderator; {@code a} still waits on hold. */
    record ConsultAnswered(UUID a, UUID b) implements ThreeWayState {
        public ConsultAnswered {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }

        @Override
        public StateName name() {
            return StateName.CONSULT_ANSWERED;
        }
    }

    /**
     * The moderator, {@code a} and {@code b} all hear each other in the conference. {@code guests}
     * are further legs in the room, from a second call merged in whole (merge-direct of two calls
     * that share no phone): they talk, can be kicked and muted, and take the place of a party that
     * leaves, so the room goes on while more than two are left besides the moderator.
     */
    record Merged(UUID a, UUID b, String conference, List<UUID> guests) implements ThreeWayState {
        public Merged {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            Objects.requireNonNull(conference, "conference");
            guests = List.copyOf(guests);
            if (guests.contains(a) || guests.contains(b) || guests.stream().distinct().count() != guests.size()) {
                throw new IllegalArgumentException("each guest is a leg of its own, neither a nor b");
            }
        }

        public Merged(UUID a, UUID b, String conference) {
            this(a, b, conference, List.of());
        }

        @Override
        public StateName name() {
            return StateName.MERGED;
        }
    }

    /** Still one conference, but {@code held} is on hold in it while the moderator talks to {@code kept}. */
    record Private(UUID kept, UUID held, String conference) implements ThreeWayState {
        public Private {
            Objects.requireNonNull(kept, "kept");
            Objects.requireNonNull(held, "held");
            Objects.requireNonNull(conference, "conference");
        }

        @Override
        public StateName name() {
            return StateName.PRIVATE;
        }
    }

    /** The moderator's call is over; nothing more happens in this session. */
    record Ended() implements ThreeWayState {
        @Override
        public StateName name() {
            return StateName.ENDED;
        }
    }
}
