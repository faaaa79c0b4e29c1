package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.shared.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consult leg of an attended transfer: 1001's leg (the transferor) talks to 1002's (the party). */
class ConsultTest extends SimulatedSwitchTestSupport {

    private final UUID transferor = UUID.randomUUID();
    private final UUID consult = UUID.randomUUID();

    @Test
    void theConsultLegRingsTheTargetAsACallOfItsOwnFromTheTransferorsExtension() {
        connectedCall(transferor);

        sim.consult(consult, transferor, extension("1003"));

        ChannelCreated created = events.await(ChannelCreated.class, consult);
        assertThat(created.callUuid()).isEqualTo(consult);
        assertThat(created.tenant()).isEqualTo(tenant);
        assertThat(created.extension()).isEqualTo("1003");
        assertThat(created.callerIdNumber()).isEqualTo("1001");
        assertThat(created.direction()).isEqualTo(CallDirection.INTERNAL);
        events.await(ChannelRinging.class, consult);
    }

    @Test
    void whenTheTargetAnswersTheTransferorLeavesItsPartyUpAndIsBridgedToTheConsultLeg() {
        UUID party = connectedCall(transferor);

        sim.consult(consult, transferor, extension("1003"));
        events.await(ChannelBridged.class, consult);

        assertThat(timeline(events.all(), transferor, party, consult)).endsWith("ChannelCreated C",
                "ChannelRinging C", "ChannelAnswered C", "ChannelUnbridged A", "ChannelUnbridged B",
                "ChannelBridged A", "ChannelBridged C");
        assertThat(channel(party)).hasValueSatisfying(leg -> assertThat(leg.bridgedTo()).isNull());
        assertThat(channel(transferor)).hasValueSatisfying(leg -> assertThat(leg.bridgedTo()).isEqualTo(consult));
    }

    @Test
    void aBusyTargetLeavesTheTransferorAndItsPartyAsTheyWere() {
        UUID party = connectedCall(transferor);

        sim.consult(consult, transferor, extension("1486"));

        assertThat(events.await(ChannelHungUp.class, consult).hangupCause()).isEqualTo("USER_BUSY");
        events.idle(Duration.ofMillis(50));
        assertThat(channel(transferor)).hasValueSatisfying(leg -> assertThat(leg.bridgedTo()).isEqualTo(party));
        assertThat(channel(party)).hasValueSatisfying(leg -> assertThat(leg.bridgedTo()).isEqualTo(transferor));
    }

    @Test
    void theTransferorHangingUpWhileTheTargetRingsCancelsTheConsultLegAndEndsTheCall() {
        UUID party = connectedCall(transferor);
        sim.consult(consult, transferor, extension("1480"));

        sim.hangup(transferor);

        assertThat(events.await(ChannelHungUp.class, consult).hangupCause()).isEqualTo("ORIGINATOR_CANCEL");
        events.await(ChannelHungUp.class, party);
        assertThat(timeline(events.all(), transferor, party, consult)).endsWith("ChannelUnbridged A",
                "ChannelUnbridged B", "ChannelHungUp A", "ChannelHungUp C", "ChannelHungUp B");
    }

    @Test
    void theTransferorHangingUpAfterTheTargetAnsweredLeavesTheConsultLegUpForTheParty() {
        UUID party = connectedCall(transferor);
        sim.consult(consult, transferor, extension("1003"));
        events.await(ChannelBridged.class, consult);

        sim.hangup(transferor);
        events.await(ChannelHungUp.class, transferor);
        events.idle(Duration.ofMillis(50));

        assertThat(live()).containsExactlyInAnyOrder(party, consult);
        assertThat(channel(consult)).hasValueSatisfying(leg -> assertThat(leg.bridgedTo()).isNull());
    }

    @Test
    void theTargetHangingUpAfterAnsweringLeavesTheTransferorUpForTheParty() {
        UUID party = connectedCall(transferor);
        sim.consult(consult, transferor, extension("1003"));
        events.await(ChannelBridged.class, consult);

        sim.hangup(consult);
        events.await(ChannelHungUp.class, consult);
        events.idle(Duration.ofMillis(50));

        assertThat(live()).containsExactlyInAnyOrder(transferor, party);
    }

    @Test
    void thePartyBridgedToTheKeptConsultLegMakesAnOrdinaryCall() {
        UUID party = connectedCall(transferor);
        sim.consult(consult, transferor, extension("1003"));
        events.await(ChannelBridged.class, consult);
        sim.hangup(transferor);

        sim.bridge(party, consult);
        sim.hangup(party);

        assertThat(events.await(ChannelHungUp.class, consult).hangupCause()).isEqualTo("NORMAL_CLEARING");
    }

    @Test
    void thePartyHangingUpWhileTheTargetRingsLeavesTheTransferorUp() {
        UUID party = connectedCall(transferor);
        sim.consult(consult, transferor, extension("1480"));

        sim.hangup(party);
        events.await(ChannelHungUp.class, party);

        assertThat(live()).containsExactlyInAnyOrder(transferor, consult);
    }

    @Test
    void onceThePartyHungUpTheTransferorAndTheTargetEndTogetherLikeAPlainCall() {
        UUID party = connectedCall(transferor);
        sim.consult(consult, transferor, extension("1003"));
        events.await(ChannelBridged.class, consult);
        sim.hangup(party);

        sim.hangup(transferor);

        assertThat(events.await(ChannelHungUp.class, consult).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(live()).isEmpty();
    }

    @Test
    void aSecondConsultFromTheSameTransferorIsRefused() {
        connectedCall(transferor);
        sim.consult(consult, transferor, extension("1480"));

        assertThatThrownBy(() -> sim.consult(UUID.randomUUID(), transferor, extension("1003")))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CONSULT_IN_PROGRESS"));
    }

    @Test
    void consultingFromAnUnknownLegIsRefusedAsCallNotFound() {
        assertThatThrownBy(() -> sim.consult(consult, UUID.randomUUID(), extension("1003")))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND"));
    }

    private Optional<LiveChannel> channel(UUID uuid) {
        return sim.channels().stream().filter(channel -> channel.uuid().equals(uuid)).findFirst();
    }

    private List<UUID> live() {
        return sim.channels().stream().map(LiveChannel::uuid).toList();
    }
}
