package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.AttendedTransfers;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.shared.DomainException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Carries attended transfers through once their legs report in: the target answering, the
 * transferor dropping (completed: the held party is bridged to the target) or the consult leg
 * ending (cancelled: the held party goes back to the transferor). Listens after
 * {@link TrackCalls}, so live state already reflects the event.
 */
public final class CompleteAttendedTransfers implements Consumer<MediaEvent> {

    private final LegControl media;
    private final AttendedTransfers transfers;

    public CompleteAttendedTransfers(LegControl media, AttendedTransfers transfers) {
        this.media = media;
        this.transfers = transfers;
    }

    // Serialised like TrackCalls: a transfer's stage changes one event at a time.
    @Override
    public synchronized void accept(MediaEvent event) {
        if (!(event instanceof MediaEvent.ChannelAnswered || event instanceof MediaEvent.ChannelHungUp)) {
            return;
        }
        transfers.findByLeg(event.uuid()).ifPresent(transfer -> follow(transfer, transfer.on(event)));
    }

    private void follow(AttendedTransfer transfer, AttendedTransfer.Outcome outcome) {
        switch (outcome) {
            case NONE -> {
            }
            case CONSULT_ANSWERED -> transfers.save(transfer.talking());
            case COMPLETED -> {
                transfers.remove(transfer);
                reconnect(transfer.party(), transfer.consult());
            }
            case CANCELLED -> {
                transfers.remove(transfer);
                reconnect(transfer.party(), transfer.transferor());
            }
            case DROPPED -> transfers.remove(transfer);
        }
    }

    /** Bridges the held party to {@code other}, then takes it off hold so it hears them rather than music. */
    private void reconnect(UUID party, UUID other) {
        try {
            media.bridge(party, other);
            media.hold(party, false);
        } catch (DomainException refused) {
            // One of them hung up meanwhile: the other has nobody left to talk to.
            hangUpIfLive(party);
            hangUpIfLive(other);
        }
    }

    private void hangUpIfLive(UUID leg) {
        try {
            media.hangup(leg);
        } catch (DomainException alreadyGone) {
            // Nothing to release.
        }
    }
}
