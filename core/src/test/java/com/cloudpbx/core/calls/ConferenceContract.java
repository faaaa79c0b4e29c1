package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberJoined;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conference rooms, the same on every media server: both legs of call A (1001, Alice) to B (1002)
 * are moved into the tenant's room "sales" in turn; commands and the room listing are checked.
 */
public abstract class ConferenceContract<S extends LegControl & ConferenceControl> extends MediaServerScenarios<S> {

    private static final Duration QUIET = Duration.ofMillis(200);

    private final UUID a = UUID.randomUUID();
    private String room;

    @BeforeEach
    void nameTheRoom() {
        // Switch rooms carry their tenant, as ConferenceRooms names them.
        room = "t" + tenant.value().toString().replace("-", "") + "-sales";
        transcript.name(room, "sales");
    }

    @Test
    void bothLegsOfACallJoinTheRoomInTurnAsItsMembers() {
        UUID b = call();

        join(a);
        join(b);

        assertThat(transcript.of(events, a)).isEqualTo(connectedThen("1001", "1001 Alice", "1002", "A", "B",
                "unbridged from B", "joined sales as m1"));
        assertThat(transcript.of(events, b)).isEqualTo(connectedThen("1002", "1001 Alice", "1002", "A", "A",
                "unbridged from A", "joined sales as m2"));
        assertThat(transcript.conferences(server().conferences())).containsExactly(
                "sales: A as m1 (caller 1001 Alice), B as m2 (caller 1001 Alice)");
        assertThat(transcript.channels(server().channels())).containsExactly(
                "A: call A, internal, extension 1001, caller 1001 Alice, dialled 1002, answered, bridged to nothing,"
                        + " parked in nothing, in room sales",
                "B: call A, internal, extension 1002, caller 1001 Alice, dialled 1002, answered, bridged to nothing,"
                        + " parked in nothing, in room sales");
    }

    @Test
    void theFirstLegToJoinLeavesItsPartnerUpOutsideTheRoom() {
        UUID b = call();

        join(a);

        events.idle(QUIET);
        assertThat(transcript.of(events, b)).isEqualTo(connectedThen("1002", "1001 Alice", "1002", "A", "A",
                "unbridged from A"));
        assertThat(transcript.conferences(server().conferences())).containsExactly("sales: A as m1 (caller 1001 Alice)");
    }

    @Test
    void aMutedMemberIsListedMutedUntilUnmutedAndNoLegChanges() {
        UUID b = call();
        join(a);
        join(b);
        assertThat(transcript.of(events, a)).endsWith("joined sales as m1");

        server().mute(room, Transcript.memberId(events, a), true);
        assertThat(transcript.conferences(server().conferences())).containsExactly(
                "sales: A as m1 (caller 1001 Alice, muted), B as m2 (caller 1001 Alice)");

        server().mute(room, Transcript.memberId(events, a), false);
        assertThat(transcript.conferences(server().conferences())).containsExactly(
                "sales: A as m1 (caller 1001 Alice), B as m2 (caller 1001 Alice)");
        events.idle(QUIET);
        assertThat(transcript.of(events, a)).endsWith("joined sales as m1");
    }

    @Test
    void aLockedRoomIsListedLockedUntilUnlocked() {
        call();
        join(a);

        server().lock(room, true);
        assertThat(transcript.conferences(server().conferences())).containsExactly(
                "sales (locked): A as m1 (caller 1001 Alice)");

        server().lock(room, false);
        assertThat(transcript.conferences(server().conferences())).containsExactly("sales: A as m1 (caller 1001 Alice)");
    }

    @Test
    void aLockedRoomRefusesToBeJoinedAndTheLegStaysAsItWas() {
        UUID b = call();
        join(a);
        server().lock(room, true);

        assertRefusedAs("CONFERENCE_LOCKED", () -> server().joinConference(b, room));

        events.idle(QUIET);
        assertThat(transcript.of(events, b)).isEqualTo(connectedThen("1002", "1001 Alice", "1002", "A", "A",
                "unbridged from A"));
        assertThat(transcript.conferences(server().conferences())).containsExactly(
                "sales (locked): A as m1 (caller 1001 Alice)");
    }

    @Test
    void aKickedMemberLeavesTheRoomAndHangsUp() {
        UUID b = call();
        join(a);
        join(b);

        server().kick(room, Transcript.memberId(events, a));

        events.await(ChannelHungUp.class, a);
        assertThat(transcript.of(events, a)).isEqualTo(connectedThen("1001", "1001 Alice", "1002", "A", "B",
                "unbridged from B", "joined sales as m1", "left sales as m1", "hung up NORMAL_CLEARING"));
        assertThat(transcript.conferences(server().conferences())).containsExactly("sales: B as m2 (caller 1001 Alice)");
    }

    @Test
    void theRoomIsGoneWithItsLastMember() {
        UUID b = call();
        join(a);

        server().hangup(a);

        events.await(ChannelHungUp.class, a);
        assertThat(transcript.of(events, a)).endsWith("joined sales as m1", "left sales as m1", "hung up NORMAL_CLEARING");
        assertThat(transcript.conferences(server().conferences())).isEmpty();
        assertThat(transcript.channels(server().channels())).containsExactly(
                "B: call A, internal, extension 1002, caller 1001 Alice, dialled 1002, answered, bridged to nothing,"
                        + " parked in nothing, in room nothing");
    }

    @Test
    void commandsForARoomThatDoesNotExistAreRefusedAsConferenceNotFound() {
        call();
        String nowhere = "t" + tenant.value().toString().replace("-", "") + "-nowhere";

        assertRefusedAs("CONFERENCE_NOT_FOUND", () -> server().kick(nowhere, "1"));
        assertRefusedAs("CONFERENCE_NOT_FOUND", () -> server().mute(nowhere, "1", true));
        assertRefusedAs("CONFERENCE_NOT_FOUND", () -> server().lock(nowhere, true));
    }

    @Test
    void commandsForAMemberTheRoomDoesNotHaveAreRefusedAsMemberNotFound() {
        call();
        join(a);

        assertRefusedAs("MEMBER_NOT_FOUND", () -> server().kick(room, "999"));
        assertRefusedAs("MEMBER_NOT_FOUND", () -> server().mute(room, "999", true));
        assertRefusedAs("MEMBER_NOT_FOUND", () -> server().holdMember(room, "999", true));
    }

    @Test
    void aHeldMemberStaysListedUnderItsMemberIdAndNoLegChanges() {
        UUID b = call();
        join(a);
        join(b);

        server().holdMember(room, Transcript.memberId(events, a), true);
        server().holdMember(room, Transcript.memberId(events, a), false);

        assertThat(transcript.conferences(server().conferences())).containsExactly(
                "sales: A as m1 (caller 1001 Alice), B as m2 (caller 1001 Alice)");
        events.idle(QUIET);
        assertThat(transcript.of(events, a)).endsWith("joined sales as m1");
    }

    private UUID call() {
        return connectedCall(a, "A", "1001", "Alice", "1002", "B");
    }

    private void join(UUID leg) {
        server().joinConference(leg, room);
        events.await(ConferenceMemberJoined.class, leg);
    }
}
