package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.shared.DomainException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EavesdropTest extends SimulatedSwitchTestSupport {

    private final UUID caller = UUID.randomUUID();
    private final UUID spy = UUID.randomUUID();

    @Test
    void eavesdroppingRingsTheSupervisorsExtensionWhichThenAnswers() {
        connectedCall(caller);

        sim.eavesdrop(spy, caller, extension("1005"), EavesdropMode.LISTEN);
        events.await(ChannelAnswered.class, spy);

        assertThat(events.kindsOf(spy))
                .containsExactly(ChannelCreated.class, ChannelRinging.class, ChannelAnswered.class);
        ChannelCreated created = events.await(ChannelCreated.class, spy);
        assertThat(created.extension()).isEqualTo("1005");
        assertThat(created.callUuid()).isEqualTo(spy);
        assertThat(created.destination()).isEqualTo("1002");
        assertThat(sim.eavesdropSession(spy)).hasValue(new EavesdropSession(spy, caller, EavesdropMode.LISTEN));
    }

    @Test
    void theModeOfAnEavesdropCanBeChanged() {
        connectedCall(caller);
        sim.eavesdrop(spy, caller, extension("1005"), EavesdropMode.LISTEN);

        sim.eavesdropMode(spy, EavesdropMode.WHISPER);

        assertThat(sim.eavesdropSession(spy)).get().extracting(EavesdropSession::mode).isEqualTo(EavesdropMode.WHISPER);
    }

    @Test
    void changingTheModeOfAnUnknownSpyIsRefusedAsCallNotFound() {
        assertThatThrownBy(() -> sim.eavesdropMode(spy, EavesdropMode.BARGE))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND"));
    }

    @Test
    void eavesdroppingOnAnUnknownCallIsRefusedAsCallNotFound() {
        assertThatThrownBy(() -> sim.eavesdrop(spy, UUID.randomUUID(), extension("1005"), EavesdropMode.LISTEN))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND"));
    }

    @Test
    void anUnregisteredSupervisorNeverAnswers() {
        connectedCall(caller);

        sim.eavesdrop(spy, caller, extension(OFFLINE), EavesdropMode.LISTEN);

        assertThat(events.await(ChannelHungUp.class, spy).hangupCause()).isEqualTo("NO_ANSWER");
        assertThat(events.kindsOf(spy)).doesNotContain(ChannelAnswered.class);
    }

    @Test
    void theSupervisorIsHungUpWhenTheWatchedCallEnds() {
        connectedCall(caller);
        sim.eavesdrop(spy, caller, extension("1005"), EavesdropMode.LISTEN);
        events.await(ChannelAnswered.class, spy);

        sim.hangup(caller);

        assertThat(events.await(ChannelHungUp.class, spy).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(sim.eavesdropSession(spy)).isEmpty();
    }
}
