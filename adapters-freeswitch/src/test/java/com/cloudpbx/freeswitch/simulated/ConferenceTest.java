package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.cloudpbx.core.calls.ConferenceSnapshot;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberJoined;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberLeft;
import com.cloudpbx.core.shared.DomainException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConferenceTest extends SimulatedSwitchTestSupport {

    private static final String ROOM = "acme-sales";

    private final UUID caller = UUID.randomUUID();

    @Test
    void joiningUnbridgesTheLegWithoutHangingUpItsPartner() {
        UUID callee = connectedCall(caller);

        sim.joinConference(caller, ROOM);
        events.await(ConferenceMemberJoined.class, caller);

        assertThat(timeline(events.all(), caller, callee))
                .endsWith("ChannelUnbridged A", "ChannelUnbridged B", "ConferenceMemberJoined A");
        assertThat(events.kindsOf(callee)).doesNotContain(ChannelHungUp.class);
    }

    @Test
    void membersAreNumberedFromOneInTheOrderTheyJoin() {
        UUID callee = connectedCall(caller);

        sim.joinConference(caller, ROOM);
        sim.joinConference(callee, ROOM);

        assertThat(events.await(ConferenceMemberJoined.class, caller).memberId()).isEqualTo("1");
        assertThat(events.await(ConferenceMemberJoined.class, callee).memberId()).isEqualTo("2");
        ConferenceSnapshot room = sim.conferences().getFirst();
        assertThat(room.room()).isEqualTo(ROOM);
        assertThat(room.members()).extracting(ConferenceSnapshot.Member::memberId, ConferenceSnapshot.Member::uuid)
                .containsExactly(tuple("1", caller),
                        tuple("2", callee));
    }

    @Test
    void kickingAMemberReportsItLeftThenHangsItUp() {
        UUID callee = connectedCall(caller);
        sim.joinConference(caller, ROOM);
        sim.joinConference(callee, ROOM);

        sim.kick(ROOM, "1");

        assertThat(events.await(ChannelHungUp.class, caller).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(timeline(events.all(), caller)).endsWith("ConferenceMemberLeft A", "ChannelHungUp A");
        assertThat(sim.conferences().getFirst().members()).extracting(ConferenceSnapshot.Member::uuid)
                .containsExactly(callee);
    }

    @Test
    void aMemberThatHangsUpLeavesTheRoomFirst() {
        connectedCall(caller);
        sim.joinConference(caller, ROOM);

        sim.hangup(caller);

        // The hang-up is the last event: the timeline is complete only once it has arrived.
        events.await(ChannelHungUp.class, caller);
        assertThat(events.await(ConferenceMemberLeft.class, caller).memberId()).isEqualTo("1");
        assertThat(timeline(events.all(), caller)).endsWith("ConferenceMemberLeft A", "ChannelHungUp A");
    }

    @Test
    void theRoomDisappearsWhenItsLastMemberLeaves() {
        connectedCall(caller);
        sim.joinConference(caller, ROOM);

        sim.kick(ROOM, "1");

        assertThat(sim.conferences()).isEmpty();
    }

    @Test
    void aMutedMemberShowsAsMuted() {
        connectedCall(caller);
        sim.joinConference(caller, ROOM);

        sim.mute(ROOM, "1", true);

        assertThat(sim.conferences().getFirst().members().getFirst().muted()).isTrue();
    }

    @Test
    void holdingAMemberKeepsItInTheRoomUnderItsMemberId() {
        connectedCall(caller);
        sim.joinConference(caller, ROOM);

        sim.holdMember(ROOM, "1", true);
        sim.holdMember(ROOM, "1", false);

        assertThat(sim.conferences().getFirst().members()).extracting(m -> m.memberId()).containsExactly("1");
        assertThatThrownBy(() -> sim.holdMember(ROOM, "9", true))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("MEMBER_NOT_FOUND"));
    }

    @Test
    void aLockedRoomRefusesToBeJoined() {
        UUID callee = connectedCall(caller);
        sim.joinConference(caller, ROOM);

        sim.lock(ROOM, true);

        assertThat(sim.conferences().getFirst().locked()).isTrue();
        assertThatThrownBy(() -> sim.joinConference(callee, ROOM))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CONFERENCE_LOCKED"));
    }

    @Test
    void anUnlockedRoomCanBeJoinedAgain() {
        UUID callee = connectedCall(caller);
        sim.joinConference(caller, ROOM);
        sim.lock(ROOM, true);

        sim.lock(ROOM, false);
        sim.joinConference(callee, ROOM);

        assertThat(events.await(ConferenceMemberJoined.class, callee).conference()).isEqualTo(ROOM);
    }

    @Test
    void commandsOnAnUnknownRoomAreRefusedAsConferenceNotFound() {
        assertThatThrownBy(() -> sim.lock("nowhere", true))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CONFERENCE_NOT_FOUND"));
        assertThatThrownBy(() -> sim.kick("nowhere", "1"))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CONFERENCE_NOT_FOUND"));
    }

    @Test
    void commandsOnAnUnknownMemberAreRefusedAsMemberNotFound() {
        connectedCall(caller);
        sim.joinConference(caller, ROOM);

        assertThatThrownBy(() -> sim.mute(ROOM, "9", true))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("MEMBER_NOT_FOUND"));
        assertThatThrownBy(() -> sim.kick(ROOM, "9"))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("MEMBER_NOT_FOUND"));
    }
}
