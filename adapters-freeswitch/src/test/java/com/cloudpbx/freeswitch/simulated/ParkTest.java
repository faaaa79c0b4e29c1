package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelParked;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParkTest extends SimulatedSwitchTestSupport {

    private final UUID caller = UUID.randomUUID();

    @Test
    void parkingALegReleasesItsPartnerAndLeavesItWaitingInTheSlot() {
        UUID callee = connectedCall(caller);

        sim.park(callee, "701");
        events.await(ChannelParked.class, callee);

        assertThat(events.await(ChannelHungUp.class, caller).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(timeline(events.all(), caller, callee)).endsWith(
                "ChannelUnbridged B", "ChannelUnbridged A", "ChannelHungUp A", "ChannelParked B");
        LiveChannel parked = sim.channels().getFirst();
        assertThat(parked.uuid()).isEqualTo(callee);
        assertThat(parked.parkSlot()).isEqualTo("701");
        assertThat(parked.status()).isEqualTo("held");
    }

    @Test
    void dialingTheSlotFromAnExtensionPicksTheParkedCallUp() {
        UUID parkedLeg = connectedCall(caller);
        sim.park(parkedLeg, "701");
        events.await(ChannelParked.class, parkedLeg);
        UUID picker = UUID.randomUUID();

        sim.originate(originate(picker, "1003", extension("701")));

        assertThat(events.await(ChannelBridged.class, picker).otherUuid()).isEqualTo(parkedLeg);
        assertThat(events.await(ChannelBridged.class, bridged -> bridged.uuid().equals(parkedLeg)
                && bridged.otherUuid().equals(picker))).isNotNull();
        assertThat(events.all()).filteredOn(ChannelCreated.class::isInstance)
                .extracting(event -> ((ChannelCreated) event).callUuid())
                .containsOnlyOnce(picker);
        assertThat(sim.channels()).filteredOn(channel -> channel.uuid().equals(parkedLeg))
                .extracting(LiveChannel::parkSlot).containsExactly((String) null);
    }

    @Test
    void aPickedUpSlotIsFreeAgain() {
        UUID parkedLeg = connectedCall(caller);
        sim.park(parkedLeg, "701");
        UUID picker = UUID.randomUUID();
        sim.originate(originate(picker, "1003", extension("701")));
        events.await(ChannelBridged.class, picker);
        UUID other = connectedCall(UUID.randomUUID(), "1004", extension("1005"));

        sim.park(other, "701");

        assertThat(events.await(ChannelParked.class, other).slot()).isEqualTo("701");
    }

    @Test
    void aTakenSlotIsRefused() {
        UUID parkedLeg = connectedCall(caller);
        sim.park(parkedLeg, "701");
        UUID other = connectedCall(UUID.randomUUID(), "1003", extension("1004"));

        assertThatThrownBy(() -> sim.park(other, "701"))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("PARK_SLOT_TAKEN"));
    }

    @Test
    void anotherTenantDiallingTheSameSlotRingsAnOrdinaryExtension() {
        UUID parkedLeg = connectedCall(caller);
        sim.park(parkedLeg, "701");
        events.await(ChannelParked.class, parkedLeg);
        UUID stranger = UUID.randomUUID();

        sim.originate(new Originate(stranger, TenantId.of(UUID.randomUUID()), extension("1001"), extension("701"),
                "1001", "Mallory", Duration.ofSeconds(30)));

        UUID rung = events.awaitOtherLeg(stranger, stranger);
        assertThat(events.await(ChannelCreated.class, rung).extension()).isEqualTo("701");
        assertThat(events.await(ChannelBridged.class, stranger).otherUuid()).isEqualTo(rung);
    }

    @Test
    void aParkedCallThatHangsUpFreesItsSlot() {
        UUID parkedLeg = connectedCall(caller);
        sim.park(parkedLeg, "701");
        sim.hangup(parkedLeg);
        UUID other = connectedCall(UUID.randomUUID(), "1003", extension("1004"));

        sim.park(other, "701");

        assertThat(events.await(ChannelParked.class, other).slot()).isEqualTo("701");
    }
}
