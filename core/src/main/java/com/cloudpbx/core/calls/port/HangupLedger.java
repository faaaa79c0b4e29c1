package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.MediaEvent;
import java.util.Optional;
import java.util.UUID;

/** Port: how legs ended, and hang-ups that arrived before their leg's creation, each kept for a while. */
public interface HangupLedger {

    /**
     * Remembers how a leg ended (for a while), so repeated or late events about it are recognised,
     * and a hang-up that arrived before the leg's creation can still be applied. The first report
     * of a leg's end is the one kept: a repeat is a duplicate event.
     */
    void markEnded(MediaEvent.ChannelHungUp hangup);

    Optional<MediaEvent.ChannelHungUp> endedWith(UUID uuid);

    /** Keeps a hang-up that arrived before its leg's creation (for a while); the first one held is kept. */
    void holdEarlyHangup(MediaEvent.ChannelHungUp hangup);

    /** The held early hang-up of the leg, removed from the ledger. */
    Optional<MediaEvent.ChannelHungUp> takeEarlyHangup(UUID uuid);
}
