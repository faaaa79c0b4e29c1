package com.cloudpbx.freeswitch.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.MediaEvent.DtmfReceived;
import com.cloudpbx.core.shared.DomainException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a sandbox user can do by API: take a call from outside, answer it, press keys. */
class SandboxTest extends SimulatedSwitchTestSupport {

    @Test
    void anInboundCallIsAnsweredAtOnceThenRingsTheExtensionUntilSomeoneAnswersIt() {
        UUID inbound = sim.inbound(tenant, "+14155550100", extension("1002"));

        UUID extensionLeg = events.awaitOtherLeg(inbound, inbound);
        events.await(ChannelRinging.class, extensionLeg);
        sim.answer(extensionLeg);
        events.await(ChannelBridged.class, extensionLeg);

        assertThat(timeline(events.all(), inbound, extensionLeg)).containsExactly(
                "ChannelCreated A", "ChannelAnswered A",
                "ChannelCreated B", "ChannelRinging B", "ChannelAnswered B",
                "ChannelBridged A", "ChannelBridged B");
    }

    @Test
    void anUnansweredInboundCallRingsUntilTheRingTimeout() {
        UUID inbound = sim.inbound(tenant, "+14155550100", extension("1002"));

        UUID extensionLeg = events.awaitOtherLeg(inbound, inbound);
        events.await(com.cloudpbx.core.calls.MediaEvent.ChannelHungUp.class, extensionLeg);

        assertThat(events.of(extensionLeg)).noneMatch(ChannelAnswered.class::isInstance);
    }

    @Test
    void anInboundCallComesFromTheOutsideNumberAndRingsTheDialledExtension() {
        UUID inbound = sim.inbound(tenant, "+14155550100", extension("1002"));

        ChannelCreated outside = events.await(ChannelCreated.class, inbound);
        assertThat(outside.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(outside.callUuid()).isEqualTo(inbound);
        assertThat(outside.callerIdNumber()).isEqualTo("+14155550100");
        assertThat(outside.destination()).isEqualTo("1002");
        ChannelCreated rung = events.await(ChannelCreated.class, events.awaitOtherLeg(inbound, inbound));
        assertThat(rung.extension()).isEqualTo("1002");
        assertThat(rung.callUuid()).isEqualTo(inbound);
        assertThat(rung.direction()).isEqualTo(CallDirection.INBOUND);
    }

    @Test
    void dtmfReportsEachDigitInTheOrderPressed() {
        UUID inbound = sim.inbound(tenant, "+14155550100", extension("1002"));

        sim.dtmf(inbound, "12#*");
        events.await(DtmfReceived.class, dtmf -> dtmf.digit().equals("*"));

        assertThat(events.of(inbound)).filteredOn(DtmfReceived.class::isInstance)
                .extracting(event -> ((DtmfReceived) event).digit())
                .containsExactly("1", "2", "#", "*");
    }

    @Test
    void dtmfOtherThanKeypadKeysIsInvalid() {
        UUID inbound = sim.inbound(tenant, "+14155550100", extension("1002"));

        assertThatThrownBy(() -> sim.dtmf(inbound, "12x"))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("VALIDATION_FAILED"));
    }

    @Test
    void dtmfToAnUnknownCallIsRefusedAsCallNotFound() {
        assertThatThrownBy(() -> sim.dtmf(UUID.randomUUID(), "1"))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND"));
    }

    @Test
    void answeringAnUnknownCallIsRefusedAsCallNotFound() {
        assertThatThrownBy(() -> sim.answer(UUID.randomUUID()))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND"));
    }
}
