package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingConsultsTest {

    private static final Instant NOW = Instant.parse("2024-05-02T09:15:30Z");

    private final EslCommands commands = new EslCommands(CommandSettings.defaults());
    private final PendingConsults consults = new PendingConsults(commands);
    private final ConsultLeg leg = new ConsultLeg(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            TenantId.of(UUID.randomUUID()), Destination.extension("1003", "acme.sip.example.com"), "1001",
            Duration.ofSeconds(30));

    @Test
    void theConsultLegAnsweringBridgesItToTheTransferorWhileThePartyStaysUp() {
        consults.ringing(leg);

        assertThat(consults.after(new ChannelAnswered(leg.consultUuid(), NOW)))
                .isEqualTo(commands.consultAnswered(leg));
    }

    @Test
    void theTransferorHangingUpWhileTheTargetRingsCancelsTheConsultLeg() {
        consults.ringing(leg);

        assertThat(consults.after(new ChannelHungUp(leg.transferor(), "NORMAL_CLEARING", 5, 4, NOW)))
                .containsExactly(commands.cancelConsult(leg));
    }

    @Test
    void aConsultLegThatGaveUpIsForgottenSoItsTransferorHangingUpLaterSendsNothing() {
        consults.ringing(leg);
        consults.after(new ChannelHungUp(leg.consultUuid(), "NO_ANSWER", 30, 0, NOW));

        assertThat(consults.after(new ChannelHungUp(leg.transferor(), "NORMAL_CLEARING", 40, 38, NOW))).isEmpty();
    }

    @Test
    void thePartyHangingUpAfterTheAnswerMakesTheTransferorAndTheTargetAPlainCall() {
        consults.ringing(leg);
        consults.after(new ChannelAnswered(leg.consultUuid(), NOW));

        assertThat(consults.after(new ChannelHungUp(leg.party(), "NORMAL_CLEARING", 20, 18, NOW)))
                .isEqualTo(commands.consultPartyGone(leg));
    }

    @Test
    void theTransferorHangingUpAfterTheAnswerLeavesTheTargetUpAndSettlesTheConsult() {
        consults.ringing(leg);
        consults.after(new ChannelAnswered(leg.consultUuid(), NOW));

        assertThat(consults.after(new ChannelHungUp(leg.transferor(), "NORMAL_CLEARING", 20, 18, NOW))).isEmpty();
        assertThat(consults.after(new ChannelHungUp(leg.party(), "NORMAL_CLEARING", 30, 28, NOW))).isEmpty();
    }

    @Test
    void theTargetHangingUpAfterTheAnswerLeavesTheTransferorUpAndSettlesTheConsult() {
        consults.ringing(leg);
        consults.after(new ChannelAnswered(leg.consultUuid(), NOW));

        assertThat(consults.after(new ChannelHungUp(leg.consultUuid(), "NORMAL_CLEARING", 20, 18, NOW))).isEmpty();
        assertThat(consults.after(new ChannelHungUp(leg.party(), "NORMAL_CLEARING", 30, 28, NOW))).isEmpty();
    }

    @Test
    void anAnswerIsActedOnOnlyOnce() {
        consults.ringing(leg);
        consults.after(new ChannelAnswered(leg.consultUuid(), NOW));

        assertThat(consults.after(new ChannelAnswered(leg.consultUuid(), NOW))).isEmpty();
    }
}
