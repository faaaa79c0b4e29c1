package com.cloudpbx.core.threeway;

import com.cloudpbx.core.threeway.ThreeWayCommand.Bridge;
import com.cloudpbx.core.threeway.ThreeWayCommand.Consult;
import com.cloudpbx.core.threeway.ThreeWayCommand.Hold;
import com.cloudpbx.core.threeway.ThreeWayCommand.HoldMember;
import com.cloudpbx.core.threeway.ThreeWayCommand.Join;
import com.cloudpbx.core.threeway.ThreeWayInput.AddParticipant;
import com.cloudpbx.core.threeway.ThreeWayInput.Answered;
import com.cloudpbx.core.threeway.ThreeWayInput.Hangup;
import com.cloudpbx.core.threeway.ThreeWayInput.HungUp;
import com.cloudpbx.core.threeway.ThreeWayInput.Kick;
import com.cloudpbx.core.threeway.ThreeWayInput.MemberJoined;
import com.cloudpbx.core.threeway.ThreeWayInput.MemberLeft;
import com.cloudpbx.core.threeway.ThreeWayInput.Merge;
import com.cloudpbx.core.threeway.ThreeWayInput.MergeDirect;
import com.cloudpbx.core.threeway.ThreeWayInput.Mute;
import com.cloudpbx.core.threeway.ThreeWayInput.Swap;
import com.cloudpbx.core.threeway.ThreeWayState.ConsultAnswered;
import com.cloudpbx.core.threeway.ThreeWayState.Consulting;
import com.cloudpbx.core.threeway.ThreeWayState.Ended;
import com.cloudpbx.core.threeway.ThreeWayState.Merged;
import com.cloudpbx.core.threeway.ThreeWayState.Private;
import com.cloudpbx.core.threeway.ThreeWayState.TwoParty;
import com.cloudpbx.core.threeway.ThreeWayTransition.Accepted;
import com.cloudpbx.core.threeway.ThreeWayTransition.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The three-way calling state machine: a pure function of a session and an input, giving the
 * session's next version and the commands to send (see docs/three-way-calling.md for the table).
 * Every state answers every input: commands the state does not allow are refused with
 * INVALID_STATE and send nothing; events that do not concern the state are noted and change
 * nothing else. No command ever names a leg the session knows has ended.
 */
public final class ThreeWayMachine {

    static final String INVALID_STATE = "INVALID_STATE";
    static final String NOT_A_PARTICIPANT = "NOT_A_PARTICIPANT";
    static final String MEMBER_NOT_FOUND = "MEMBER_NOT_FOUND";

    private final ModeratorHangupPolicy policy;

    public ThreeWayMachine(ModeratorHangupPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ModeratorHangupPolicy policy() {
        return policy;
    }

    public ThreeWayTransition apply(ThreeWaySession session, ThreeWayInput input) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(input, "input");
        if (session.state() instanceof Ended) {
            return input instanceof ThreeWayInput.Event ? unchanged(session)
                    : refused(session, "the three-way call has ended");
        }
        return switch (input) {
            case AddParticipant add -> addParticipant(session, add);
            case Merge merge -> merge(session, merge);
            case MergeDirect merge -> mergeDirect(session, merge);
            case Swap swap -> swap(session, swap);
            case Kick kick -> inConference(session, kick.memberId(), (room, member) ->
                    new ThreeWayCommand.Kick(room, member));
            case Mute mute -> inConference(session, mute.memberId(), (room, member) ->
                    new ThreeWayCommand.Mute(room, member, mute.mute()));
            case Hangup hangup -> hangup(session, hangup.leg());
            case Answered answered -> answered(session, answered.leg());
            case HungUp hungUp -> hungUp(session, hungUp.leg());
            case MemberJoined joined -> memberJoined(session, joined);
            case MemberLeft left -> session.memberId(left.leg()).isPresent()
                    ? new Accepted(session.withoutMember(left.leg()), List.of()) : unchanged(session);
        };
    }

    private ThreeWayTransition addParticipant(ThreeWaySession session, AddParticipant add) {
        if (!(session.state() instanceof TwoParty two)) {
            return refused(session, "a participant can be added only to a two-party call");
        }
        if (session.legs().contains(add.b())) {
            throw new IllegalArgumentException("The new leg must be a new channel");
        }
        return accept(session, new Consulting(two.a(), add.b()),
                new Hold(two.a(), true), new Consult(add.b(), session.moderator(), add.target()));
    }

    private ThreeWayTransition merge(ThreeWaySession session, Merge merge) {
        return switch (session.state()) {
            case ConsultAnswered s -> isParty(s.a(), s.b(), merge.party())
                    ? accept(session, new Merged(s.a(), s.b(), merge.conference()), new Hold(s.a(), false),
                            new Join(session.moderator(), merge.conference()), new Join(s.a(), merge.conference()),
                            new Join(s.b(), merge.conference()))
                    : notAParticipant(merge.party());
            case Private s -> isParty(s.kept(), s.held(), merge.party())
                    ? resumeHeldMember(session, s)
                    : notAParticipant(merge.party());
            case TwoParty ignored -> refused(session, "no participant has been added to it; add one first, "
                    + "or merge two calls with merge-direct");
            case Consulting ignored -> refused(session, "the added participant has not answered yet");
            default -> refused(session, "everybody is already in one conference");
        };
    }

    private ThreeWayTransition resumeHeldMember(ThreeWaySession session, Private s) {
        Optional<String> member = session.memberId(s.held());
        if (member.isEmpty()) {
            return refused(session, "the held participant is still joining the conference");
        }
        return accept(session, new Merged(s.kept(), s.held(), s.conference()),
                new HoldMember(s.conference(), member.get(), false));
    }

    private ThreeWayTransition mergeDirect(ThreeWaySession session, MergeDirect merge) {
        if (!(session.state() instanceof TwoParty two)) {
            return refused(session, "it is already a three-way call");
        }
        if (session.legs().contains(merge.b()) || merge.guests().stream().anyMatch(session.legs()::contains)
                || merge.guests().contains(merge.b())) {
            throw new IllegalArgumentException("The other call's legs must not be in this call");
        }
        List<ThreeWayCommand> commands = new ArrayList<>();
        merge.resume().forEach(leg -> commands.add(new Hold(leg, false)));
        commands.add(new Join(session.moderator(), merge.conference()));
        commands.add(new Join(two.a(), merge.conference()));
        commands.add(new Join(merge.b(), merge.conference()));
        merge.guests().forEach(guest -> commands.add(new Join(guest, merge.conference())));
        if (merge.released() != null) {
            commands.add(new ThreeWayCommand.Hangup(merge.released()));
        }
        return new Accepted(session.moveTo(new Merged(two.a(), merge.b(), merge.conference(), merge.guests())),
                commands);
    }

    private ThreeWayTransition swap(ThreeWaySession session, Swap swap) {
        return switch (session.state()) {
            case Merged s -> {
                if (!s.guests().isEmpty()) {
                    yield refused(session, "going private with one participant needs a call of three, "
                            + "and this conference has " + (s.guests().size() + 3) + " legs");
                }
                if (!isSwapOf(s.a(), s.b(), swap)) {
                    yield notParticipants(swap);
                }
                Optional<String> member = session.memberId(swap.hold());
                yield member.isEmpty() ? refused(session, "the participant is still joining the conference")
                        : accept(session, new Private(swap.keep(), swap.hold(), s.conference()),
                                new HoldMember(s.conference(), member.get(), true));
            }
            case Private s -> {
                if (!isSwapOf(s.kept(), s.held(), swap)) {
                    yield notParticipants(swap);
                }
                if (swap.keep().equals(s.kept())) {
                    yield unchanged(session);
                }
                Optional<String> resumed = session.memberId(s.held());
                Optional<String> held = session.memberId(s.kept());
                yield resumed.isEmpty() || held.isEmpty()
                        ? refused(session, "a participant is still joining the conference")
                        : accept(session, new Private(swap.keep(), swap.hold(), s.conference()),
                                new HoldMember(s.conference(), resumed.get(), false),
                                new HoldMember(s.conference(), held.get(), true));
            }
            default -> refused(session, "only a merged three-way call can go private with one participant");
        };
    }

    private ThreeWayTransition inConference(ThreeWaySession session, String memberId,
                                             BiFunction<String, String, ThreeWayCommand> command) {
        Optional<String> conference = session.conference();
        if (conference.isEmpty()) {
            return refused(session, "its participants are not in a conference");
        }
        if (session.legOfMember(memberId).isEmpty()) {
            return new Refused(MEMBER_NOT_FOUND, "No member " + memberId + " in conference " + conference.get());
        }
        return new Accepted(session, List.of(command.apply(conference.get(), memberId)));
    }

    private ThreeWayTransition hangup(ThreeWaySession session, UUID leg) {
        if (!session.legs().contains(leg)) {
            return notAParticipant(leg);
        }
        if (!session.isLive(leg)) {
            return refused(session, "call " + leg + " has already ended");
        }
        return new Accepted(session, List.of(new ThreeWayCommand.Hangup(leg)));
    }

    private ThreeWayTransition answered(ThreeWaySession session, UUID leg) {
        if (session.state() instanceof Consulting s && s.b().equals(leg)) {
            return new Accepted(session.moveTo(new ConsultAnswered(s.a(), s.b())), List.of());
        }
        return unchanged(session);
    }

    private ThreeWayTransition memberJoined(ThreeWaySession session, MemberJoined joined) {
        boolean belongs = session.conference().isPresent() && session.legs().contains(joined.leg());
        if (!belongs || joined.memberId().equals(session.memberId(joined.leg()).orElse(null))) {
            return unchanged(session);
        }
        return new Accepted(session.withMember(joined.leg(), joined.memberId()), List.of());
    }

    private ThreeWayTransition hungUp(ThreeWaySession before, UUID leg) {
        if (!before.legs().contains(leg) || !before.isLive(leg)) {
            return unchanged(before);
        }
        ThreeWaySession session = before.withEnded(leg);
        if (leg.equals(session.moderator())) {
            return moderatorLeft(session);
        }
        return switch (session.state()) {
            case TwoParty ignored -> new Accepted(session.moveTo(new Ended()), List.of());
            case Consulting s -> s.b().equals(leg)
                    // The consult leg failed (busy, no answer, rejected): back to the waiting party.
                    ? accept(session, new TwoParty(s.a()), new Hold(s.a(), false))
                    // The waiting party left: the moderator and the consult leg carry on as a plain call.
                    : new Accepted(session.moveTo(new Ended()), List.of());
            case ConsultAnswered s -> s.b().equals(leg)
                    ? accept(session, new TwoParty(s.a()), new Bridge(session.moderator(), s.a()),
                            new Hold(s.a(), false))
                    : new Accepted(session.moveTo(new TwoParty(s.b())), List.of());
            case Merged s -> s.guests().isEmpty() ? backToTwo(session, other(s.a(), s.b(), leg))
                    : guestLeft(session, s, leg);
            case Private s -> backToTwo(session, other(s.kept(), s.held(), leg));
            case Ended ignored -> unchanged(session);
        };
    }

    /** With guests in the room nobody needs to move: a guest that leaves is gone, a party that leaves is replaced. */
    private static Accepted guestLeft(ThreeWaySession session, Merged s, UUID leg) {
        List<UUID> guests = new ArrayList<>(s.guests());
        if (guests.remove(leg)) {
            return accept(session, new Merged(s.a(), s.b(), s.conference(), guests));
        }
        UUID stepsIn = guests.removeFirst();
        return accept(session, new Merged(other(s.a(), s.b(), leg), stepsIn, s.conference(), guests));
    }

    /** One party left the conference: the moderator and the other one talk directly again. */
    private Accepted backToTwo(ThreeWaySession session, UUID remaining) {
        return accept(session, new TwoParty(remaining), new Bridge(session.moderator(), remaining));
    }

    /** The moderator hung up: the policy decides what happens to the parties still up. */
    private Accepted moderatorLeft(ThreeWaySession session) {
        List<UUID> parties = session.legs().stream().filter(leg -> !leg.equals(session.moderator()))
                .filter(session::isLive).toList();
        List<ThreeWayCommand> commands = new ArrayList<>();
        boolean bothAnswered = session.state() instanceof ConsultAnswered || session.state() instanceof Merged
                || session.state() instanceof Private;
        boolean keep = policy == ModeratorHangupPolicy.BRIDGE;
        if (keep && bothAnswered && parties.size() == 2) {
            commands.add(new Bridge(parties.get(0), parties.get(1)));
            // A member held in the conference leaves the hold with the room; a channel on hold does not.
            parties.stream().filter(session::isOnHold).forEach(leg -> commands.add(new Hold(leg, false)));
        } else if (!(keep && session.state() instanceof Merged && parties.size() > 2)) {
            // Nobody is left to talk to, or the policy says so: no party stays behind on hold. (More
            // than two left in a room, with guests, go on talking there as in any conference.)
            parties.forEach(leg -> commands.add(new ThreeWayCommand.Hangup(leg)));
        }
        return new Accepted(session.moveTo(new Ended()), commands);
    }

    private static Accepted accept(ThreeWaySession session, ThreeWayState next, ThreeWayCommand... commands) {
        return new Accepted(session.moveTo(next), List.of(commands));
    }

    private static Accepted unchanged(ThreeWaySession session) {
        return new Accepted(session, List.of());
    }

    private static Refused refused(ThreeWaySession session, String why) {
        return new Refused(INVALID_STATE, "The call is in state " + session.state().name() + ": " + why);
    }

    private static Refused notAParticipant(UUID leg) {
        return new Refused(NOT_A_PARTICIPANT, "Call " + leg + " is not part of this three-way call");
    }

    private static Refused notParticipants(Swap swap) {
        return new Refused(NOT_A_PARTICIPANT, "keepUuid and holdUuid must be the two other participants of this "
                + "three-way call, got " + swap.keep() + " and " + swap.hold());
    }

    private static boolean isParty(UUID first, UUID second, UUID leg) {
        return first.equals(leg) || second.equals(leg);
    }

    private static boolean isSwapOf(UUID first, UUID second, Swap swap) {
        return !swap.keep().equals(swap.hold()) && isParty(first, second, swap.keep())
                && isParty(first, second, swap.hold());
    }

    private static UUID other(UUID first, UUID second, UUID leg) {
        return first.equals(leg) ? second : first;
    }

}
