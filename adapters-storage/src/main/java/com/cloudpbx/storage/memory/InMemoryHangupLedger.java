package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.port.HangupLedger;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Recent hang-ups in this node's memory (the embedded defaults), each kept for a while and a
 * bounded number in all.
 */
@Singleton
@Requires(missingProperty = "voip.redis.url")
public class InMemoryHangupLedger implements HangupLedger {

    /** Long enough for any straggling event about a leg; short enough to hold little. */
    public static final Duration KEEP_ENDED_FOR = Duration.ofMinutes(10);
    static final int MAX_ENDED = 100_000;

    private final RecentHangups ended;
    private final RecentHangups early;

    @Inject
    public InMemoryHangupLedger(Clock clock) {
        this(clock, KEEP_ENDED_FOR, MAX_ENDED);
    }

    InMemoryHangupLedger(Clock clock, Duration keepEndedFor, int maxEnded) {
        this.ended = new RecentHangups(clock, keepEndedFor, maxEnded);
        this.early = new RecentHangups(clock, keepEndedFor, maxEnded);
    }

    @Override
    public void markEnded(MediaEvent.ChannelHungUp hangup) {
        ended.remember(hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> endedWith(UUID uuid) {
        return ended.find(uuid);
    }

    @Override
    public void holdEarlyHangup(MediaEvent.ChannelHungUp hangup) {
        early.remember(hangup);
    }

    @Override
    public Optional<MediaEvent.ChannelHungUp> takeEarlyHangup(UUID uuid) {
        return early.take(uuid);
    }
}
