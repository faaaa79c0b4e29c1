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

    private final MapLiveCallStore store = new MapLiveCallStore();
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final CompleteAttendedTransfers follow = new CompleteAttendedTransfers(media, store);

    @Test
    void the_target_answering_lets_the_transferor_talk_to_it_without_a_command() {
        store.saveTransfer(transfer);

        follow.accept(new ChannelAnswered(consult, T0));

        assertThat(store.transferByLeg(consult)).contains(transfer.talking());
        assertThat(media.commands).isEmpty();
    }

    @Test
    void the_transferor_dropping_after_the_target_answered_bridges_the_party_to_the_target_and_resumes_it() {
        store.saveTransfer(transfer);
        follow.accept(new ChannelAnswered(consult, T0));

        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));

        assertThat(media.commands).containsExactly("bridge " + party + " " + consult, "hold " + party + " false");
    }

    @Test
    void a_completed_transfer_is_forgotten() {
        store.saveTransfer(transfer.talking());

        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));

        assertThat(store.transferByLeg(party)).isEmpty();
        assertThat(store.transferByLeg(consult)).isEmpty();
    }

    @Test
    void a_busy_target_cancels_the_transfer_bridging_the_party_back_to_the_transferor_and_resuming_it() {
        store.saveTransfer(transfer);

        follow.accept(hungUp(consult, "USER_BUSY"));

        assertThat(media.commands).containsExactly("bridge " + party + " " + transferor, "hold " + party + " false");
        assertThat(store.transferByLeg(party)).isEmpty();
    }

    @Test
    void the_target_hanging_up_after_talking_to_the_transferor_gives_the_party_back_to_the_transferor() {
        store.saveTransfer(transfer.talking());

        follow.accept(hungUp(consult, "NORMAL_CLEARING"));

        assertThat(media.commands).containsExactly("bridge " + party + " " + transferor, "hold " + party + " false");
    }

    @Test
    void the_party_hanging_up_during_the_consult_leaves_transferor_and_target_as_a_plain_call() {
        store.saveTransfer(transfer.talking());

        follow.accept(hungUp(party, "NORMAL_CLEARING"));
        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));

        assertThat(media.commands).isEmpty();
        assertThat(store.transferByLeg(consult)).isEmpty();
    }

    @Test
    void the_transferor_dropping_while_the_target_rings_ends_the_transfer_with_nothing_to_reconnect() {
        store.saveTransfer(transfer);

        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));
        follow.accept(hungUp(consult, "ORIGINATOR_CANCEL"));

        assertThat(media.commands).isEmpty();
        assertThat(store.transferByLeg(party)).isEmpty();
    }

    @Test
    void a_repeated_hang_up_reconnects_only_once() {
        store.saveTransfer(transfer.talking());

        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));
        follow.accept(hungUp(transferor, "NORMAL_CLEARING"));

        assertThat(media.commands).hasSize(2);
    }

    @Test
    void other_events_about_the_legs_change_nothing() {
        store.saveTransfer(transfer);

        follow.accept(new ChannelRinging(consult, T0));
        follow.accept(new ChannelAnswered(transferor, T0));
        follow.accept(new ChannelBridged(transferor, consult, T0));

        assertThat(store.transferByLeg(consult)).contains(transfer);
        assertThat(media.commands).isEmpty();
    }

    @Test
    void events_about_legs_of_no_transfer_are_ignored() {
        follow.accept(hungUp(UUID.randomUUID(), "NORMAL_CLEARING"));

        assertThat(media.commands).isEmpty();
    }

    private static ChannelHungUp hungUp(UUID leg, String cause) {
        return new ChannelHungUp(leg, cause, 30, 20, T0.plusSeconds(30));
    }
}
