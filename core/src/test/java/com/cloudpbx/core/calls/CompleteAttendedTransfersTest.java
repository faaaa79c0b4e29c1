package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The transferor T was talking to the party A; A is on hold while the target rings on the
 * consult leg C.
 */
class CompleteAttendedTransfersTest {

    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");

    private final UUID transferor = UUID.randomUUID();
    private final UUID party = UUID.randomUUID();
    private final UUID consult = UUID.randomUUID();
    private final AttendedTransfer transfer = AttendedTransfer.start(TenantId.of(UUID.randomUUID()), transferor,
            party, consult);

    private final MapAttendedTransfers transfers = new MapAttendedTransfers();
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final CompleteAttendedTransfers follow = new CompleteAttendedTransfers(media, transfers);

    @Test
    void theTargetAnsweringLetsTheTransferorTalkToItWithoutACommand() {
        transfers.save(transfer);

        follow.accept(new ChannelAnswered(consult, T0));

        assertThat(transfers.findByLeg(consult)).contains(transfer.talking());
        assertThat(media.commands).isEmpty();
    }

    @Test
    void theTransferorDroppingAfterTheTargetAnsweredBridgesThePartyToTheTargetAndResumesIt() {
        transfers.save(transfer);
        follow.accept(new ChannelAnswered(consult, T0));

        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));

        assertThat(media.commands).containsExactly("bridge " + party + " " + consult, "hold " + party + " false");
    }

    @Test
    void aCompletedTransferIsForgotten() {
        transfers.save(transfer.talking());

        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));

        assertThat(transfers.findByLeg(party)).isEmpty();
        assertThat(transfers.findByLeg(consult)).isEmpty();
    }

    @Test
    void aBusyTargetCancelsTheTransferBridgingThePartyBackToTheTransferorAndResumingIt() {
        transfers.save(transfer);

        follow.accept(hungUp(consult, "USER_BUSY"));

        assertThat(media.commands).containsExactly("bridge " + party + " " + transferor, "hold " + party + " false");
        assertThat(transfers.findByLeg(party)).isEmpty();
    }

    @Test
    void theTargetHangingUpAfterTalkingToTheTransferorGivesThePartyBackToTheTransferor() {
        transfers.save(transfer.talking());

        follow.accept(hungUp(consult, "NORMAL_CLEARING"));

        assertThat(media.commands).containsExactly("bridge " + party + " " + transferor, "hold " + party + " false");
    }

    @Test
    void thePartyHangingUpDuringTheConsultLeavesTransferorAndTargetAsAPlainCall() {
        transfers.save(transfer.talking());

        follow.accept(hungUp(party, "NORMAL_CLEARING"));
        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));

        assertThat(media.commands).isEmpty();
        assertThat(transfers.findByLeg(consult)).isEmpty();
    }

    @Test
    void theTransferorDroppingWhileTheTargetRingsEndsTheTransferWithNothingToReconnect() {
        transfers.save(transfer);

        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));
        follow.accept(hungUp(consult, "ORIGINATOR_CANCEL"));

        assertThat(media.commands).isEmpty();
        assertThat(transfers.findByLeg(party)).isEmpty();
    }

    @Test
    void aRepeatedHangUpReconnectsOnlyOnce() {
        transfers.save(transfer.talking());

        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));
        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));

        assertThat(media.commands).hasSize(2);
    }

    @Test
    void otherEventsAboutTheLegsChangeNothing() {
        transfers.save(transfer);

        follow.accept(new ChannelRinging(consult, T0));
        follow.accept(new ChannelAnswered(transferor, T0));
        follow.accept(new ChannelBridged(transferor, consult, T0));

        assertThat(transfers.findByLeg(consult)).contains(transfer);
        assertThat(media.commands).isEmpty();
    }

    @Test
    void eventsAboutLegsOfNoTransferAreIgnored() {
        follow.accept(hungUp(UUID.randomUUID(), "NORMAL_CLEARING"));

        assertThat(media.commands).isEmpty();
    }

    private static ChannelHungUp hungUp(UUID leg, String cause) {
        return new ChannelHungUp(leg, cause, 30, 20, T0.plusSeconds(30));
    }
}
