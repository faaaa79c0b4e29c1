package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.IntercomCall;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IntercomTest extends SimulatedSwitchTestSupport {

    private final UUID leg = UUID.randomUUID();

    @Test
    void anIntercomLegRingsAnswersAndStaysUpBridgedToNothing() {
        sim.intercom(intercom("1002"));

        events.await(ChannelAnswered.class, leg);
        events.idle(Duration.ofMillis(60));
        assertThat(timeline(events.all(), leg)).containsExactly("ChannelCreated A", "ChannelRinging A",
                "ChannelAnswered A");
        assertThat(sim.channels()).filteredOn(c -> c.uuid().equals(leg)).singleElement()
                .satisfies(channel -> assertThat(channel.bridgedTo()).isNull())
                .extracting(LiveChannel::answered).isEqualTo(true);
    }

    @Test
    void theLegBelongsToTheRungExtensionAndShowsTheCaller() {
        sim.intercom(intercom("1002"));

        ChannelCreated created = events.await(ChannelCreated.class, leg);
        assertThat(created.callUuid()).isEqualTo(leg);
        assertThat(created.extension()).isEqualTo("1002");
        assertThat(created.destination()).isEqualTo("1002");
        assertThat(created.callerIdNumber()).isEqualTo("1001");
        assertThat(created.callerIdName()).isEqualTo("Floor");
        assertThat(created.direction()).isEqualTo(CallDirection.INTERNAL);
    }

    @Test
    void anUnregisteredExtensionOrOneEndingIn480NeverAnswersAndGivesUpAtTheCommandsTimeout() {
        UUID other = UUID.randomUUID();
        sim.intercom(intercom(OFFLINE));
        sim.intercom(new IntercomCall(other, tenant, extension("2480"), "1001", "Floor", Duration.ofMillis(100)));

        assertThat(events.await(ChannelHungUp.class, leg).hangupCause()).isEqualTo("NO_ANSWER");
        assertThat(events.await(ChannelHungUp.class, other).hangupCause()).isEqualTo("NO_ANSWER");
        assertThat(events.of(leg)).noneMatch(ChannelAnswered.class::isInstance);
        assertThat(events.of(other)).noneMatch(ChannelAnswered.class::isInstance);
    }

    @Test
    void aRingingIntercomLegCanBeHungUp() {
        sim.intercom(intercom(OFFLINE));
        events.await(ChannelRinging.class, leg);

        sim.hangup(leg);

        assertThat(events.await(ChannelHungUp.class, leg).hangupCause()).isEqualTo("NORMAL_CLEARING");
    }

    private IntercomCall intercom(String extension) {
        return new IntercomCall(leg, tenant, extension(extension), "1001", "Floor", Duration.ofMillis(100));
    }
}
