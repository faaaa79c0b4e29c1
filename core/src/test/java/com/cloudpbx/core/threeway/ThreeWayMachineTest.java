package com.cloudpbx.core.threeway;

import static com.cloudpbx.core.threeway.ThreeWayFixtures.A;
import static com.cloudpbx.core.threeway.ThreeWayFixtures.B;
import static com.cloudpbx.core.threeway.ThreeWayFixtures.C;
import static com.cloudpbx.core.threeway.ThreeWayFixtures.CONFERENCE;
import static com.cloudpbx.core.threeway.ThreeWayFixtures.D;
import static com.cloudpbx.core.threeway.ThreeWayFixtures.M;
import static com.cloudpbx.core.threeway.ThreeWayFixtures.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.threeway.ThreeWayCommand.Bridge;
import com.cloudpbx.core.threeway.ThreeWayCommand.Consult;
import com.cloudpbx.core.threeway.ThreeWayCommand.Hangup;
import com.cloudpbx.core.threeway.ThreeWayCommand.Hold;
import com.cloudpbx.core.threeway.ThreeWayCommand.HoldMember;
import com.cloudpbx.core.threeway.ThreeWayCommand.Join;
import com.cloudpbx.core.threeway.ThreeWayState.StateName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThreeWayMachineTest {

    private final ThreeWayMachine machine = new ThreeWayMachine(ModeratorHangupPolicy.BRIDGE);

    @Test
    void addingAParticipantHoldsTheFirstPartyAndRingsTheNewLegForTheModerator() {
        var accepted = accepted(ThreeWayFixtures.twoParty(), new ThreeWayInput.AddParticipant(C, TARGET));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Consulting(A, C));
        assertThat(accepted.commands()).containsExactly(new Hold(A, true), new Consult(C, M, TARGET));
    }

    @Test
    void theAddedParticipantAnsweringLetsTheModeratorTalkToItWithoutAnyCommand() {
        var accepted = accepted(ThreeWayFixtures.consulting(), new ThreeWayInput.Answered(B));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.ConsultAnswered(A, B));
        assertThat(accepted.commands()).isEmpty();
    }

    @Test
    void theAddedParticipantFailingTakesTheFirstPartyOffHold() {
        var accepted = accepted(ThreeWayFixtures.consulting(), new ThreeWayInput.HungUp(B));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.TwoParty(A));
        assertThat(accepted.commands()).containsExactly(new Hold(A, false));
        assertThat(accepted.session().ended()).containsExactly(B);
    }

    @Test
    void mergingPutsTheModeratorAndBothPartiesInTheConferenceWithTheWaitingPartyOffHold() {
        var accepted = accepted(ThreeWayFixtures.consultAnswered(), new ThreeWayInput.Merge(B, CONFERENCE));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Merged(A, B, CONFERENCE));
        assertThat(accepted.commands()).containsExactly(new Hold(A, false), new Join(M, CONFERENCE),
                new Join(A, CONFERENCE), new Join(B, CONFERENCE));
    }

    @Test
    void mergingBeforeTheAddedParticipantAnsweredIsRefusedNamingTheState() {
        var refused = refused(ThreeWayFixtures.consulting(), new ThreeWayInput.Merge(B, CONFERENCE));

        assertThat(refused.code()).isEqualTo("INVALID_STATE");
        assertThat(refused.message()).contains("CONSULTING").contains("not answered");
    }

    @Test
    void mergingWithALegOutsideTheCallIsRefused() {
        assertThat(refused(ThreeWayFixtures.consultAnswered(), new ThreeWayInput.Merge(C, CONFERENCE)).code())
                .isEqualTo("NOT_A_PARTICIPANT");
    }

    @Test
    void swappingHoldsOneParticipantInTheRoom() {
        var accepted = accepted(ThreeWayFixtures.merged(), new ThreeWayInput.Swap(B, A));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Private(B, A, CONFERENCE));
        assertThat(accepted.commands()).containsExactly(new HoldMember(CONFERENCE, "2", true));
    }

    @Test
    void swappingTheOtherWayWhilePrivateResumesOneAndHoldsTheOther() {
        var accepted = accepted(ThreeWayFixtures.privateWithA(), new ThreeWayInput.Swap(B, A));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Private(B, A, CONFERENCE));
        assertThat(accepted.commands()).containsExactly(new HoldMember(CONFERENCE, "3", false),
                new HoldMember(CONFERENCE, "2", true));
    }

    @Test
    void swappingToWhatIsAlreadySoSendsNothing() {
        var accepted = accepted(ThreeWayFixtures.privateWithA(), new ThreeWayInput.Swap(A, B));

        assertThat(accepted.session()).isEqualTo(ThreeWayFixtures.privateWithA());
        assertThat(accepted.commands()).isEmpty();
    }

    @Test
    void swappingAParticipantWithItselfIsRefused() {
        assertThat(refused(ThreeWayFixtures.merged(), new ThreeWayInput.Swap(A, A)).code())
                .isEqualTo("NOT_A_PARTICIPANT");
    }

    @Test
    void swappingBeforeTheHeldParticipantHasAMemberIdIsRefused() {
        var joining = new ThreeWaySession(ThreeWayFixtures.TENANT, M, new ThreeWayState.Merged(A, B, CONFERENCE),
                Map.of(M, "1", B, "3"), Set.of(), 3);

        assertThat(refused(joining, new ThreeWayInput.Swap(B, A)).message()).contains("still joining");
    }

    @Test
    void mergingAgainWhilePrivateResumesTheHeldParticipant() {
        var accepted = accepted(ThreeWayFixtures.privateWithA(), new ThreeWayInput.Merge(A, CONFERENCE));

        assertThat(accepted.session().state().name()).isEqualTo(StateName.MERGED);
        assertThat(accepted.commands()).containsExactly(new HoldMember(CONFERENCE, "3", false));
    }

    @Test
    void mergingTwiceIsRefused() {
        assertThat(refused(ThreeWayFixtures.merged(), new ThreeWayInput.Merge(B, CONFERENCE)).message())
                .contains("MERGED");
    }

    @Test
    void aPartyLeavingTheConferenceBridgesTheModeratorToTheOther() {
        var accepted = accepted(ThreeWayFixtures.merged(), new ThreeWayInput.HungUp(A));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.TwoParty(B));
        assertThat(accepted.commands()).containsExactly(new Bridge(M, B));
        assertThat(accepted.session().members()).isEmpty();
    }

    @Test
    void theKeptParticipantLeavingWhilePrivateBringsBackTheHeldOne() {
        var accepted = accepted(ThreeWayFixtures.privateWithA(), new ThreeWayInput.HungUp(A));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.TwoParty(B));
        assertThat(accepted.commands()).containsExactly(new Bridge(M, B));
    }

    @Test
    void theAddedParticipantLeavingAfterAnsweringBringsTheModeratorBackToTheFirstParty() {
        var accepted = accepted(ThreeWayFixtures.consultAnswered(), new ThreeWayInput.HungUp(B));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.TwoParty(A));
        assertThat(accepted.commands()).containsExactly(new Bridge(M, A), new Hold(A, false));
    }

    @Test
    void theWaitingPartyLeavingAfterTheAnswerLeavesTheModeratorWithTheAddedOne() {
        var accepted = accepted(ThreeWayFixtures.consultAnswered(), new ThreeWayInput.HungUp(A));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.TwoParty(B));
        assertThat(accepted.commands()).isEmpty();
    }

    @Test
    void theModeratorLeavingAMergedCallBridgesTheOthersUnderTheBridgePolicy() {
        var accepted = accepted(ThreeWayFixtures.merged(), new ThreeWayInput.HungUp(M));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Ended());
        assertThat(accepted.commands()).containsExactly(new Bridge(A, B));
    }

    @Test
    void theModeratorLeavingReleasesTheOthersUnderTheReleasePolicy() {
        var release = new ThreeWayMachine(ModeratorHangupPolicy.RELEASE);
        var accepted = (ThreeWayTransition.Accepted) release.apply(ThreeWayFixtures.merged(),
                new ThreeWayInput.HungUp(M));

        assertThat(accepted.commands()).containsExactly(new Hangup(A), new Hangup(B));
    }

    @Test
    void theModeratorLeavingWhileTheAddedParticipantRingsReleasesBothWhateverThePolicy() {
        var accepted = accepted(ThreeWayFixtures.consulting(), new ThreeWayInput.HungUp(M));

        assertThat(accepted.commands()).containsExactly(new Hangup(A), new Hangup(B));
    }

    @Test
    void theModeratorLeavingAfterTheAnswerBridgesTheWaitingPartyAndTakesItOffHold() {
        var accepted = accepted(ThreeWayFixtures.consultAnswered(), new ThreeWayInput.HungUp(M));

        assertThat(accepted.commands()).containsExactly(new Bridge(A, B), new Hold(A, false));
    }

    @Test
    void theModeratorLeavingWithOnePartyLeftHangsThatPartyUp() {
        var oneLeft = new ThreeWaySession(ThreeWayFixtures.TENANT, M, new ThreeWayState.Merged(A, B, CONFERENCE),
                Map.of(M, "1", A, "2"), Set.of(B), 4);

        assertThat(accepted(oneLeft, new ThreeWayInput.HungUp(M)).commands()).containsExactly(new Hangup(A));
    }

    @Test
    void aLegThatAlreadyEndedIsNeverHungUpAgain() {
        var oneLeft = new ThreeWaySession(ThreeWayFixtures.TENANT, M, new ThreeWayState.Consulting(A, B), Map.of(),
                Set.of(B), 4);

        assertThat(refused(oneLeft, new ThreeWayInput.Hangup(B)).message()).contains("already ended");
    }

    @Test
    void repeatedHangUpEventsChangeNothing() {
        var once = accepted(ThreeWayFixtures.consulting(), new ThreeWayInput.HungUp(B)).session();

        var twice = accepted(once, new ThreeWayInput.HungUp(B));

        assertThat(twice.session()).isSameAs(once);
        assertThat(twice.commands()).isEmpty();
    }

    @Test
    void kickingAMemberOfTheConferenceSendsTheKick() {
        assertThat(accepted(ThreeWayFixtures.merged(), new ThreeWayInput.Kick("3")).commands())
                .containsExactly(new ThreeWayCommand.Kick(CONFERENCE, "3"));
    }

    @Test
    void kickingAnUnknownMemberIsRefused() {
        assertThat(refused(ThreeWayFixtures.merged(), new ThreeWayInput.Kick("9")).code())
                .isEqualTo("MEMBER_NOT_FOUND");
    }

    @Test
    void conferenceMemberIdsAreNotedAsTheyJoin() {
        var merging = new ThreeWaySession(ThreeWayFixtures.TENANT, M, new ThreeWayState.Merged(A, B, CONFERENCE),
                Map.of(), Set.of(), 3);

        var accepted = accepted(merging, new ThreeWayInput.MemberJoined(A, "7"));

        assertThat(accepted.session().memberId(A)).contains("7");
        assertThat(accepted.session().version()).isEqualTo(4);
    }

    @Test
    void mergingTwoCallsDirectlyJoinsThemAndReleasesThePhonesSecondLine() {
        var accepted = accepted(ThreeWayFixtures.twoParty(), new ThreeWayInput.MergeDirect(C, D, List.of(A),
                CONFERENCE));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Merged(A, C, CONFERENCE));
        assertThat(accepted.commands()).containsExactly(new Hold(A, false), new Join(M, CONFERENCE),
                new Join(A, CONFERENCE), new Join(C, CONFERENCE), new Hangup(D));
    }

    @Test
    void mergingTwoUnrelatedCallsDirectlyJoinsAllFourLegs() {
        var accepted = accepted(ThreeWayFixtures.twoParty(), new ThreeWayInput.MergeDirect(C, null, List.of(D),
                List.of(D), CONFERENCE));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Merged(A, C, CONFERENCE, List.of(D)));
        assertThat(accepted.session().legs()).containsExactly(M, A, C, D);
        assertThat(accepted.commands()).containsExactly(new Hold(D, false), new Join(M, CONFERENCE),
                new Join(A, CONFERENCE), new Join(C, CONFERENCE), new Join(D, CONFERENCE));
    }

    @Test
    void aGuestHangingUpLeavesTheOthersInTheRoom() {
        var accepted = accepted(withGuest(), new ThreeWayInput.HungUp(D));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Merged(A, B, CONFERENCE));
        assertThat(accepted.commands()).isEmpty();
    }

    @Test
    void aPartyHangingUpWithAGuestInTheRoomIsReplacedByTheGuest() {
        var accepted = accepted(withGuest(), new ThreeWayInput.HungUp(A));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Merged(B, D, CONFERENCE));
        assertThat(accepted.commands()).isEmpty();
    }

    @Test
    void aGuestCanBeKickedAndMutedOnceItJoined() {
        var joined = accepted(withGuest(), new ThreeWayInput.MemberJoined(D, "4")).session();

        assertThat(accepted(joined, new ThreeWayInput.Kick("4")).commands())
                .containsExactly(new ThreeWayCommand.Kick(CONFERENCE, "4"));
        assertThat(accepted(joined, new ThreeWayInput.Mute("4", true)).commands())
                .containsExactly(new ThreeWayCommand.Mute(CONFERENCE, "4", true));
    }

    @Test
    void goingPrivateWithGuestsInTheRoomIsInvalidState() {
        assertThat(refused(withGuest(), new ThreeWayInput.Swap(B, A)).code()).isEqualTo("INVALID_STATE");
    }

    @Test
    void theModeratorLeavingARoomOfFourUnderTheBridgePolicyLeavesTheOthersTalkingThere() {
        var accepted = accepted(withGuest(), new ThreeWayInput.HungUp(M));

        assertThat(accepted.session().state()).isEqualTo(new ThreeWayState.Ended());
        assertThat(accepted.commands()).isEmpty();
    }

    @Test
    void theModeratorLeavingARoomOfFourUnderTheReleasePolicyHangsUpEveryone() {
        var release = new ThreeWayMachine(ModeratorHangupPolicy.RELEASE);

        var transition = (ThreeWayTransition.Accepted) release.apply(withGuest(), new ThreeWayInput.HungUp(M));

        assertThat(transition.commands()).containsExactly(new Hangup(A), new Hangup(B), new Hangup(D));
    }

    /** M, A and B merged, with D, the other leg of a call merged in whole, as a guest. */
    private static ThreeWaySession withGuest() {
        return ThreeWayFixtures.session(new ThreeWayState.Merged(A, B, CONFERENCE, List.of(D)));
    }

    @Test
    void everyCommandIsRefusedOnceTheCallEnded() {
        ThreeWayFixtures.everyInput().values().stream().filter(ThreeWayInput.Command.class::isInstance)
                .forEach(input -> assertThat(machine.apply(ThreeWayFixtures.ended(), input))
                        .isInstanceOf(ThreeWayTransition.Refused.class));
    }

    @Test
    void everyTransitionMovesTheVersionOn() {
        var accepted = accepted(ThreeWayFixtures.merged(), new ThreeWayInput.Swap(B, A));

        assertThat(accepted.session().version()).isGreaterThan(ThreeWayFixtures.merged().version());
    }

    private ThreeWayTransition.Accepted accepted(ThreeWaySession session, ThreeWayInput input) {
        ThreeWayTransition transition = machine.apply(session, input);
        assertThat(transition).isInstanceOf(ThreeWayTransition.Accepted.class);
        return (ThreeWayTransition.Accepted) transition;
    }

    private ThreeWayTransition.Refused refused(ThreeWaySession session, ThreeWayInput input) {
        ThreeWayTransition transition = machine.apply(session, input);
        assertThat(transition).isInstanceOf(ThreeWayTransition.Refused.class);
        return (ThreeWayTransition.Refused) transition;
    }
}
