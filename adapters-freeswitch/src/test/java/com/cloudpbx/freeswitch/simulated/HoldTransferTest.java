package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHeld;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelTransferred;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnheld;
import com.cloudpbx.core.shared.DomainException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldTransferTest extends SimulatedSwitchTestSupport {

    private final UUID caller = UUID.randomUUID();

    @Test
    void aHeldLegShowsAsHeldAmongTheLiveChannels() {
        connectedCall(caller);

        sim.hold(caller, true);
        events.await(ChannelHeld.class, caller);

        assertThat(channel(caller).onHold()).isTrue();
        assertThat(channel(caller).status()).isEqualTo("held");
    }

    @Test
    void holdingAnAlreadyHeldLegReportsNothingNew() {
        connectedCall(caller);
        sim.hold(caller, true);
        events.await(ChannelHeld.class, caller);

        sim.hold(caller, true);
        sim.hold(caller, false);
        events.await(ChannelUnheld.class, caller);

        assertThat(events.of(caller)).filteredOn(ChannelHeld.class::isInstance).hasSize(1);
    }

    @Test
    void transferReleasesThePartnerThenRingsTheNewDestinationAndBridgesToIt() {
        UUID callee = connectedCall(caller);

        sim.transfer(callee, extension("1003"));
        UUID target = events.await(ChannelCreated.class, created -> created.extension() != null
                && created.extension().equals("1003")).uuid();
        events.await(ChannelBridged.class, target);

        assertThat(timeline(events.all(), caller, callee, target)).endsWith(
                "ChannelUnbridged B", "ChannelUnbridged A", "ChannelHungUp A", "ChannelTransferred B",
                "ChannelCreated C", "ChannelRinging C", "ChannelAnswered C", "ChannelBridged B", "ChannelBridged C");
        assertThat(events.await(ChannelTransferred.class, callee).target()).isEqualTo("1003");
    }

    @Test
    void theTransferredLegsNewPartnerBelongsToTheSameCall() {
        UUID callee = connectedCall(caller);

        sim.transfer(callee, extension("1003"));

        ChannelCreated created = events.await(ChannelCreated.class,
                event -> "1003".equals(event.extension()));
        assertThat(created.callUuid()).isEqualTo(caller);
        assertThat(events.await(ChannelBridged.class, created.uuid()).otherUuid()).isEqualTo(callee);
    }

    @Test
    void aTransferToABusyDestinationEndsTheTransferredLeg() {
        UUID callee = connectedCall(caller);

        sim.transfer(callee, extension("1486"));

        assertThat(events.await(ChannelHungUp.class, callee).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(events.await(ChannelHungUp.class, event -> !event.uuid().equals(caller)
                && !event.uuid().equals(callee)).hangupCause()).isEqualTo("USER_BUSY");
    }

    @Test
    void transferringAnUnknownCallIsRefusedAsCallNotFound() {
        assertThatThrownBy(() -> sim.transfer(UUID.randomUUID(), extension("1003")))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND"));
    }

    @Test
    void bridgingTwoLegsReleasesTheirFormerPartnersAndBridgesThemBothWays() {
        UUID firstCallee = connectedCall(caller);
        UUID other = UUID.randomUUID();
        UUID otherCallee = connectedCall(other, "1003", extension("1004"));

        sim.bridge(caller, other);
        events.await(ChannelHungUp.class, otherCallee);
        events.await(ChannelBridged.class, bridged -> bridged.uuid().equals(other) && bridged.otherUuid().equals(caller));

        assertThat(events.await(ChannelHungUp.class, firstCallee).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(channel(caller).bridgedTo()).isEqualTo(other);
        assertThat(channel(other).bridgedTo()).isEqualTo(caller);
        events.idle(Duration.ofMillis(50));
        assertThat(sim.channels()).extracting(LiveChannel::uuid).containsExactlyInAnyOrder(caller, other);
    }

    private LiveChannel channel(UUID uuid) {
        return sim.channels().stream().filter(channel -> channel.uuid().equals(uuid)).findFirst().orElseThrow();
    }
}
