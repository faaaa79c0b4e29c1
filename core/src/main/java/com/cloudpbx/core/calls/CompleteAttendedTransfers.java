package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.LiveCallStore;
import com.cloudpbx.core.calls.port.MediaServer;
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

    private final MediaServer media;
    private final LiveCallStore store;

    public CompleteAttendedTransfers(MediaServer media, LiveCallStore store) {
        this.media = media;
        this.store = store;
    }

    // Serialised like TrackCalls: a transfer's stage changes one event at a time.
    @Override
    public synchronized void accept(MediaEvent event) {
        if (!(event instanceof MediaEvent.ChannelAnswered || event instanceof MediaEvent.ChannelHungUp)) {
            return;
        }
        store.transferByLeg(event.uuid()).ifPresent(transfer -> follow(transfer, transfer.on(event)));
    }

    private void follow(AttendedTransfer transfer, AttendedTransfer.Outcome outcome) {
        switch (outcome) {
            case NONE -> {
            }
            case CONSULT_ANSWERED -> store.saveTransfer(transfer.talking());
            case COMPLETED -> {
                store.removeTransfer(transfer);
                reconnect(transfer.party(), transfer.consult());
            }
            case CANCELLED -> {
                store.removeTransfer(transfer);
                reconnect(transfer.party(), transfer.transferor());
            }
            case DROPPED -> store.removeTransfer(transfer);
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
