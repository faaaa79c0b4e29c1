package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelsSnapshotTest extends SimulatedSwitchTestSupport {

    private final UUID caller = UUID.randomUUID();

    @Test
    void aConnectedCallShowsBothLegsActiveWithEverythingTheSwitchKnows() {
        UUID callee = connectedCall(caller);

        LiveChannel first = channel(caller);
        assertThat(first.callUuid()).isEqualTo(caller);
        assertThat(first.tenant()).isEqualTo(tenant);
        assertThat(first.extension()).isEqualTo("1001");
        assertThat(first.callerIdNumber()).isEqualTo("1001");
        assertThat(first.callerIdName()).isEqualTo("Alice");
        assertThat(first.destination()).isEqualTo("1002");
        assertThat(first.direction()).isEqualTo(CallDirection.INTERNAL);
        assertThat(first.bridgedTo()).isEqualTo(callee);
        assertThat(first.answeredAt()).isNotNull();
        assertThat(first.status()).isEqualTo("active");
        LiveChannel second = channel(callee);
        assertThat(second.callUuid()).isEqualTo(caller);
        assertThat(second.extension()).isEqualTo("1002");
        assertThat(second.bridgedTo()).isEqualTo(caller);
    }

    @Test
    void aLegStillRingingShowsAsRinging() {
        sim.originate(originate(caller, "1001", extension("1480")));
        UUID callee = events.awaitOtherLeg(caller, caller);
        events.await(ChannelRinging.class, callee);

        assertThat(channel(callee).status()).isEqualTo("ringing");
        assertThat(channel(callee).answeredAt()).isNull();
    }

    @Test
    void aSwitchWithNoCallsHasNoChannels() {
        assertThat(sim.channels()).isEmpty();
        assertThat(sim.conferences()).isEmpty();
    }

    private LiveChannel channel(UUID uuid) {
        return sim.channels().stream().filter(channel -> channel.uuid().equals(uuid)).findFirst().orElseThrow();
    }
}
