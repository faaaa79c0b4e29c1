package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Phones that would ring for an hour, so only the answer command can pick them up. */
class AnswerCommandTest extends SimulatedSwitchTestSupport {

    @Override
    SimulationSettings settings() {
        return new SimulationSettings(Duration.ofHours(1), Duration.ofHours(2), Set.of());
    }

    @Test
    void answeringARingingLegPicksItUpAtOnceAndBridgesIt() {
        UUID inbound = sim.inbound(tenant, "+14155550100", extension("1002"));
        UUID extensionLeg = events.awaitOtherLeg(inbound, inbound);
        events.await(ChannelRinging.class, extensionLeg);

        sim.answer(extensionLeg);

        events.await(ChannelAnswered.class, extensionLeg);
        assertThat(events.await(ChannelBridged.class, extensionLeg).otherUuid()).isEqualTo(inbound);
    }

    @Test
    void answeringTheCallerOfAnOriginateDialsTheDestination() {
        UUID caller = UUID.randomUUID();
        sim.originate(originate(caller, "1001", extension("1002")));
        events.await(ChannelRinging.class, caller);

        sim.answer(caller);

        UUID callee = events.awaitOtherLeg(caller, caller);
        events.await(ChannelRinging.class, callee);
        assertThat(events.kindsOf(callee)).startsWith(ChannelCreated.class, ChannelRinging.class);
    }

    @Test
    void answeringAnAnsweredLegChangesNothing() {
        UUID inbound = sim.inbound(tenant, "+14155550100", extension("1002"));
        events.awaitOtherLeg(inbound, inbound);

        sim.answer(inbound);
        events.idle(Duration.ofMillis(30));

        assertThat(events.of(inbound)).filteredOn(ChannelAnswered.class::isInstance).hasSize(1);
    }
}
