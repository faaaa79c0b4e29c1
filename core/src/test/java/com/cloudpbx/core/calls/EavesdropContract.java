package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Eavesdropping, the same on every media server: supervisor 1005 listens in on B, the callee of
 * call A (1001, Alice) to B (1002), on a leg S of its own.
 */
public abstract class EavesdropContract<S extends LegControl & ConferenceControl> extends MediaServerScenarios<S> {

    private static final Duration QUIET = Duration.ofMillis(200);

    private final UUID a = UUID.randomUUID();
    private final UUID spy = UUID.randomUUID();

    @Test
    void theSupervisorIsRungOnALegOfItsOwnShowingTheCallItListensTo() {
        UUID b = call();

        listenIn(b, EavesdropMode.LISTEN);

        assertThat(transcript.of(events, spy)).containsExactly(
                "created in call S, internal, extension 1005, caller 1001 Alice, dialled 1002", "ringing", "answered");
        assertThat(transcript.channels(server().channels())).contains(
                "S: call S, internal, extension 1005, caller 1001 Alice, dialled 1002, answered, bridged to nothing,"
                        + " parked in nothing, in room nothing");
    }

    @Test
    void listeningInLeavesTheCallAsItWas() {
        UUID b = call();

        listenIn(b, EavesdropMode.BARGE);

        events.idle(QUIET);
        assertThat(transcript.of(events, a)).isEqualTo(connectedThen("1001", "1001 Alice", "1002", "A", "B"));
        assertThat(transcript.of(events, b)).isEqualTo(connectedThen("1002", "1001 Alice", "1002", "A", "A"));
    }

    @Test
    void theSupervisorLegHangsUpWhenTheCallItListensToEnds() {
        UUID b = call();
        listenIn(b, EavesdropMode.LISTEN);

        server().hangup(a);

        assertThat(events.await(ChannelHungUp.class, spy).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(transcript.of(events, spy)).endsWith("answered", "hung up NORMAL_CLEARING");
    }

    @Test
    void switchingBetweenListeningWhisperingAndBargingChangesNoLeg() {
        UUID b = call();
        listenIn(b, EavesdropMode.LISTEN);

        server().eavesdropMode(spy, EavesdropMode.WHISPER);
        server().eavesdropMode(spy, EavesdropMode.BARGE);
        server().eavesdropMode(spy, EavesdropMode.LISTEN);

        events.idle(QUIET);
        assertThat(transcript.of(events, spy)).endsWith("ringing", "answered");
        assertThat(transcript.of(events, b)).isEqualTo(connectedThen("1002", "1001 Alice", "1002", "A", "A"));
    }

    @Test
    void switchingTheModeOfALegThatIsNotEavesdroppingIsRefusedAsCallNotFound() {
        call();

        assertRefusedAs("CALL_NOT_FOUND", () -> server().eavesdropMode(a, EavesdropMode.WHISPER));
        assertRefusedAs("CALL_NOT_FOUND", () -> server().eavesdropMode(UUID.randomUUID(), EavesdropMode.WHISPER));
    }

    @Test
    void eavesdroppingOnAnUnknownCallIsRefusedAsCallNotFound() {
        assertRefusedAs("CALL_NOT_FOUND",
                () -> server().eavesdrop(spy, UUID.randomUUID(), extension("1005"), EavesdropMode.LISTEN));
    }

    private UUID call() {
        return connectedCall(a, "A", "1001", "Alice", "1002", "B");
    }

    /** Rings the supervisor for {@code target} and lets it answer. */
    private void listenIn(UUID target, EavesdropMode mode) {
        transcript.name(spy, "S");
        server().eavesdrop(spy, target, extension("1005"), mode);
        events.await(ChannelRinging.class, spy);
        letAnswer(spy);
        events.await(ChannelAnswered.class, spy);
    }
}
