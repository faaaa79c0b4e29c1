package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.HangupLedger;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Map-backed hang-ups for tests of the use cases, kept for the whole test rather than for a while;
 * concurrent, as {@link MapLiveChannels} is.
 */
public final class MapHangupLedger implements HangupLedger {

    private final Map<UUID, MediaEvent.ChannelHungUp> ended = new ConcurrentHashMap<>();
    private final Map<UUID, MediaEvent.ChannelHungUp> early = new ConcurrentHashMap<>();

    @Override
    public void markEnded(MediaEvent.ChannelHungUp hangup) {
        ended.putIfAbsent(hangup.uuid(), hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> endedWith(UUID uuid) {
        return Optional.ofNullable(ended.get(uuid));
    }

    @Override
    public void holdEarlyHangup(MediaEvent.ChannelHungUp hangup) {
        early.putIfAbsent(hangup.uuid(), hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> takeEarlyHangup(UUID uuid) {
        return Optional.ofNullable(early.remove(uuid));
    }
}
