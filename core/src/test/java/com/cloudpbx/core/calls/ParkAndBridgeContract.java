package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelParked;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Parking, picking up by dialling the slot, and bridging two live legs, the same on every media
 * server. Call A (1001, Alice) to B (1002); where a second call is needed, C (1003, Carol) to D (1004).
 */
public abstract class ParkAndBridgeContract<S extends LegControl & ConferenceControl> extends MediaServerScenarios<S> {

    private static final String SLOT = "701";

    private final UUID a = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void parkingALegReleasesItsPartnerAndHoldsTheLegInTheSlot() {
        UUID b = firstCall();

        server().park(b, SLOT);
        events.await(ChannelParked.class, b);
        events.await(ChannelHungUp.class, a);

        assertThat(transcript.of(events, a)).isEqualTo(connectedThen("1001", "1001 Alice", "1002", "A", "B",
                "unbridged from B", "hung up NORMAL_CLEARING"));
        assertThat(transcript.of(events, b)).isEqualTo(connectedThen("1002", "1001 Alice", "1002", "A", "A",
                "unbridged from A", "parked in 701"));
        assertThat(transcript.channels(server().channels())).containsExactly(
                "B: call A, internal, extension 1002, caller 1001 Alice, dialled 1002, answered, bridged to nothing,"
                        + " parked in 701, in room nothing");
    }

    @Test
    void diallingTheSlotOfAParkedCallPicksItUpWithoutRingingAnyOtherPhone() {
        UUID b = parkedCall();

        pickUp(c, "C");

        assertThat(transcript.of(events, c)).containsExactly(
                "created in call C, internal, extension 1003, caller 1003 Carol, dialled 701",
                "ringing", "answered", "bridged to B");
        assertThat(transcript.of(events, b)).isEqualTo(connectedThen("1002", "1001 Alice", "1002", "A", "A",
                "unbridged from A", "parked in 701", "bridged to C"));
        assertThat(events.all()).filteredOn(ChannelCreated.class::isInstance).extracting(MediaEvent::uuid)
                .containsExactlyInAnyOrder(a, b, c);
        assertThat(transcript.channels(server().channels())).containsExactly(
                "B: call A, internal, extension 1002, caller 1001 Alice, dialled 1002, answered, bridged to C,"
                        + " parked in nothing, in room nothing",
                "C: call C, internal, extension 1003, caller 1003 Carol, dialled 701, answered, bridged to B,"
                        + " parked in nothing, in room nothing");
    }

    @Test
    void aSlotIsFreeAgainOnceItsCallWasPickedUp() {
        UUID b = parkedCall();
        pickUp(c, "C");

        server().park(c, SLOT);

        assertThat(events.await(ChannelParked.class, c).slot()).isEqualTo(SLOT);
        assertThat(events.await(ChannelHungUp.class, b).hangupCause()).isEqualTo("NORMAL_CLEARING");
    }

    @Test
    void parkingInATakenSlotIsRefusedAndLeavesBothCallsAsTheyWere() {
        UUID b = parkedCall();
        UUID d = secondCall();

        assertRefusedAs("PARK_SLOT_TAKEN", () -> server().park(d, SLOT));

        events.idle(Duration.ofMillis(200));
        assertThat(transcript.of(events, c)).isEqualTo(connectedThen("1003", "1003 Carol", "1004", "C", "D"));
        assertThat(transcript.of(events, d)).isEqualTo(connectedThen("1004", "1003 Carol", "1004", "C", "C"));
        assertThat(transcript.of(events, b)).endsWith("parked in 701");
    }

    @Test
    void bridgingTwoLiveLegsReleasesTheirFormerPartnersAndBridgesThemToEachOther() {
        UUID b = firstCall();
        UUID d = secondCall();

        server().bridge(b, d);
        events.await(ChannelBridged.class, bridged -> bridged.uuid().equals(d) && bridged.otherUuid().equals(b));
        events.await(ChannelHungUp.class, a);
        events.await(ChannelHungUp.class, c);

        assertThat(transcript.of(events, a)).isEqualTo(connectedThen("1001", "1001 Alice", "1002", "A", "B",
                "unbridged from B", "hung up NORMAL_CLEARING"));
        assertThat(transcript.of(events, b)).isEqualTo(connectedThen("1002", "1001 Alice", "1002", "A", "A",
                "unbridged from A", "bridged to D"));
        assertThat(transcript.of(events, c)).isEqualTo(connectedThen("1003", "1003 Carol", "1004", "C", "D",
                "unbridged from D", "hung up NORMAL_CLEARING"));
        assertThat(transcript.of(events, d)).isEqualTo(connectedThen("1004", "1003 Carol", "1004", "C", "C",
                "unbridged from C", "bridged to B"));
        assertThat(transcript.channels(server().channels())).containsExactly(
                "B: call A, internal, extension 1002, caller 1001 Alice, dialled 1002, answered, bridged to D,"
                        + " parked in nothing, in room nothing",
                "D: call C, internal, extension 1004, caller 1003 Carol, dialled 1004, answered, bridged to B,"
                        + " parked in nothing, in room nothing");
    }

    @Test
    void bridgingALegToItselfIsRefusedAsAnInvalidBridge() {
        UUID b = firstCall();

        assertRefusedAs("INVALID_BRIDGE", () -> server().bridge(b, b));
    }

    @Test
    void bridgingToAnUnknownLegIsRefusedAsCallNotFound() {
        UUID b = firstCall();

        assertRefusedAs("CALL_NOT_FOUND", () -> server().bridge(b, UUID.randomUUID()));
    }

    private UUID firstCall() {
        return connectedCall(a, "A", "1001", "Alice", "1002", "B");
    }

    private UUID secondCall() {
        return connectedCall(c, "C", "1003", "Carol", "1004", "D");
    }

    /** The first call with B parked in the slot, A gone. */
    private UUID parkedCall() {
        UUID b = firstCall();
        server().park(b, SLOT);
        events.await(ChannelParked.class, b);
        events.await(ChannelHungUp.class, a);
        return b;
    }

    /** Extension 1003 dials the slot on a new leg; returns once the leg is bridged to the parked call. */
    private void pickUp(UUID leg, String name) {
        transcript.name(leg, name);
        server().originate(new Originate(leg, tenant, extension("1003"), extension(SLOT), "1003", "Carol", RING));
        events.await(ChannelRinging.class, leg);
        letAnswer(leg);
        // The parked leg's half of the bridge is reported last.
        events.await(ChannelBridged.class, bridged -> bridged.otherUuid().equals(leg));
    }
}
