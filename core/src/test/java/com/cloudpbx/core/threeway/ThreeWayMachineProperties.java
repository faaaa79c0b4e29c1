package com.cloudpbx.core.threeway;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.shared.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of API commands and switch events, against both policies: the machine never
 * throws or reaches a state outside its table, never names a leg that has ended, and never
 * leaves a party on hold once the moderator has hung up.
 */
class ThreeWayMachineProperties {

    private static final Destination TARGET = Destination.extension("1002", "acme.example.com");

    enum Kind { ADD, MERGE, MERGE_DIRECT, SWAP, KICK, MUTE, HANGUP, ANSWERED, HUNG_UP, MEMBER_JOINED, MEMBER_LEFT }

    /** One step, with picks resolved against the session's legs when it is taken. */
    record Step(Kind kind, int pick, int otherPick, boolean flag) {
    }

    @Property(tries = 2000)
    void anySequenceKeepsTheMachineWithinItsTable(@ForAll("steps") @Size(max = 40) List<Step> steps,
                                                  @ForAll ModeratorHangupPolicy policy) {
        World world = new World(new ThreeWayMachine(policy));
        for (Step step : steps) {
            world.take(step);
            world.checkInvariants();
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 5), Arbitraries.of(true, false)).as(Step::new);
        return step.list();
    }

    /** The session, the legs that have ended, and who is held as the commands say. */
    private static final class World {

        private final ThreeWayMachine machine;
        private final UUID moderator = UUID.randomUUID();
        private final List<UUID> everyLeg = new ArrayList<>();
        private final Set<UUID> ended = new HashSet<>();
        private final Set<UUID> channelHeld = new HashSet<>();
        private final Set<UUID> memberHeld = new HashSet<>();
        private final Set<UUID> hungUpByCommand = new HashSet<>();
        private ThreeWaySession session;
        private int nextMemberId = 1;

        World(ThreeWayMachine machine) {
            this.machine = machine;
            UUID a = UUID.randomUUID();
            everyLeg.add(moderator);
            everyLeg.add(a);
            session = ThreeWaySession.start(TenantId.of(UUID.randomUUID()), moderator, a);
        }

        void take(Step step) {
            ThreeWayInput input = input(step);
            if (input instanceof ThreeWayInput.HungUp hungUp) {
                ended.add(hungUp.leg());
            }
            ThreeWayTransition transition = machine.apply(session, input);
            if (transition instanceof ThreeWayTransition.Accepted accepted) {
                accepted.commands().forEach(command -> follow(command, session));
                session = accepted.session();
                if (session.state() instanceof ThreeWayState.Ended && ended.contains(moderator)) {
                    checkNobodyLeftOnHold();
                }
            } else {
                assertThat(input).as("events are never refused").isInstanceOf(ThreeWayInput.Command.class);
            }
        }

        private ThreeWayInput input(Step step) {
            List<UUID> legs = new ArrayList<>(session.legs());
            UUID leg = everyLeg.get(step.pick() % everyLeg.size());
            UUID party = legs.get(step.pick() % legs.size());
            UUID other = legs.get(step.otherPick() % legs.size());
            String member = session.members().isEmpty() || step.flag() ? String.valueOf(step.otherPick() + 1)
                    : new ArrayList<>(session.members().values()).get(step.pick() % session.members().size());
            return switch (step.kind()) {
                case ADD -> new ThreeWayInput.AddParticipant(fresh(), TARGET);
                case MERGE -> new ThreeWayInput.Merge(party, "conf");
                case MERGE_DIRECT -> new ThreeWayInput.MergeDirect(fresh(), step.flag() ? fresh() : null,
                        List.of(), "conf");
                case SWAP -> new ThreeWayInput.Swap(party, other);
                case KICK -> new ThreeWayInput.Kick(member);
                case MUTE -> new ThreeWayInput.Mute(member, step.flag());
                case HANGUP -> new ThreeWayInput.Hangup(party);
                case ANSWERED -> new ThreeWayInput.Answered(leg);
                case HUNG_UP -> new ThreeWayInput.HungUp(leg);
                case MEMBER_JOINED -> new ThreeWayInput.MemberJoined(leg, String.valueOf(nextMemberId++));
                case MEMBER_LEFT -> new ThreeWayInput.MemberLeft(leg);
            };
        }

        private UUID fresh() {
            UUID leg = UUID.randomUUID();
            everyLeg.add(leg);
            return leg;
        }

        private void follow(ThreeWayCommand command, ThreeWaySession before) {
            for (UUID leg : legsNamed(command, before)) {
                assertThat(ended).as("%s names a leg that has ended", command).doesNotContain(leg);
            }
            switch (command) {
                case ThreeWayCommand.Hold hold -> {
                    if (hold.hold()) {
                        channelHeld.add(hold.leg());
                    } else {
                        channelHeld.remove(hold.leg());
                    }
                }
                case ThreeWayCommand.HoldMember hold -> before.legOfMember(hold.memberId()).ifPresent(leg -> {
                    if (hold.hold()) {
                        memberHeld.add(leg);
                    } else {
                        memberHeld.remove(leg);
                    }
                });
                // Bridged legs leave the conference, and with it a hold inside the room.
                case ThreeWayCommand.Bridge bridge -> {
                    memberHeld.remove(bridge.first());
                    memberHeld.remove(bridge.second());
                }
                case ThreeWayCommand.Hangup hangup -> hungUpByCommand.add(hangup.leg());
                default -> {
                }
            }
        }

        private static List<UUID> legsNamed(ThreeWayCommand command, ThreeWaySession before) {
            return switch (command) {
                case ThreeWayCommand.Hold hold -> List.of(hold.leg());
                case ThreeWayCommand.Consult consult -> List.of(consult.b(), consult.moderator());
                case ThreeWayCommand.Join join -> List.of(join.leg());
                case ThreeWayCommand.Bridge bridge -> List.of(bridge.first(), bridge.second());
                case ThreeWayCommand.Hangup hangup -> List.of(hangup.leg());
                case ThreeWayCommand.HoldMember hold -> before.legOfMember(hold.memberId()).stream().toList();
                case ThreeWayCommand.Kick kick -> before.legOfMember(kick.memberId()).stream().toList();
                case ThreeWayCommand.Mute mute -> before.legOfMember(mute.memberId()).stream().toList();
            };
        }

        private void checkNobodyLeftOnHold() {
            for (UUID leg : everyLeg) {
                if (leg.equals(moderator) || ended.contains(leg) || hungUpByCommand.contains(leg)) {
                    continue;
                }
                assertThat(channelHeld).as("a party left on hold after the moderator hung up").doesNotContain(leg);
                assertThat(memberHeld).as("a party left held in the room after the moderator hung up")
                        .doesNotContain(leg);
            }
        }

        void checkInvariants() {
            ThreeWayState state = session.state();
            int expectedLegs = switch (state) {
                case ThreeWayState.TwoParty ignored -> 2;
                case ThreeWayState.Ended ignored -> 1;
                default -> 3;
            };
            assertThat(session.legs()).as("legs of %s", state).hasSize(expectedLegs);
            assertThat(session.conference().isPresent())
                    .isEqualTo(state instanceof ThreeWayState.Merged || state instanceof ThreeWayState.Private);
            assertThat(session.legs()).containsAll(session.members().keySet());
            assertThat(session.members().keySet()).allMatch(session::isLive);
            if (!(state instanceof ThreeWayState.Ended)) {
                assertThat(session.isLive(moderator)).isTrue();
            }
        }
    }
}
