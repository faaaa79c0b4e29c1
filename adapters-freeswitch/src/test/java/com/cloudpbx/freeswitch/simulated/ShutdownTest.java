package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The switch stopping with the server, as FreeSWITCH stopping ends its channels. */
class ShutdownTest extends SimulatedSwitchTestSupport {

    @Test
    void shutdownHangsUpEveryLiveLegAndReturnsOnceTheListenersHaveTheEvents() {
        UUID caller = UUID.randomUUID();
        UUID callee = connectedCall(caller);
        UUID ringing = UUID.randomUUID();
        sim.originate(originate(ringing, OFFLINE, extension("1002")));

        sim.shutdown(Duration.ofSeconds(5));

        assertThat(sim.channels()).isEmpty();
        assertThat(events.of(caller)).last().isInstanceOfSatisfying(ChannelHungUp.class,
                hungUp -> assertThat(hungUp.hangupCause()).isEqualTo("SYSTEM_SHUTDOWN"));
        assertThat(events.of(callee)).last().isInstanceOf(ChannelHungUp.class);
        assertThat(events.of(ringing)).last().isInstanceOfSatisfying(ChannelHungUp.class,
                hungUp -> assertThat(hungUp.hangupCause()).isEqualTo("SYSTEM_SHUTDOWN"));
    }
}
