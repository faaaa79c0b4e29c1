package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.MediaEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How recently ended legs ended, each kept for a while and no more than a set number in all, so a
 * switch that floods hang-ups cannot grow the heap without bound. Oldest entries go first.
 */
final class RecentHangups {

    private record Remembered(UUID leg, MediaEvent.ChannelHungUp hangup, Instant at) {
    }

    private final Clock clock;
    private final Duration keepFor;
    private final int capacity;
    private final Map<UUID, Remembered> byLeg = new ConcurrentHashMap<>();
    // Insertion order, oldest at the head: what expires or is evicted next.
    private final Queue<Remembered> oldestFirst = new ConcurrentLinkedQueue<>();

    RecentHangups(Clock clock, Duration keepFor, int capacity) {
        if (keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("keepFor must be positive");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more");
        }
        this.clock = clock;
        this.keepFor = keepFor;
        this.capacity = capacity;
    }

    /**
     * The first report of a leg's end is the one kept: a repeat is a duplicate event, and keeping
     * the first means each leg has a single place in the eviction order.
     */
    void remember(MediaEvent.ChannelHungUp hangup) {
        Instant now = clock.instant();
        forgetExpiredAndExcess(now);
        Remembered fresh = new Remembered(hangup.uuid(), hangup, now);
        Remembered kept = byLeg.merge(hangup.uuid(), fresh, (old, ignored) -> expired(old, now) ? fresh : old);
        if (kept == fresh) {
            oldestFirst.add(fresh);
            forgetExpiredAndExcess(now);
        }
    }

    Optional<MediaEvent.ChannelHungUp> find(UUID leg) {
        Remembered remembered = byLeg.get(leg);
        if (remembered == null || expired(remembered, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(remembered.hangup());
    }

    /** Finds and forgets the leg's hang-up. */
    Optional<MediaEvent.ChannelHungUp> take(UUID leg) {
        Optional<MediaEvent.ChannelHungUp> found = find(leg);
        byLeg.remove(leg);
        return found;
    }

    int size() {
        return byLeg.size();
    }

    private void forgetExpiredAndExcess(Instant now) {
        for (Remembered head = oldestFirst.peek(); head != null; head = oldestFirst.peek()) {
            if (!expired(head, now) && byLeg.size() <= capacity) {
                return;
            }
            if (oldestFirst.remove(head)) {
                // Only this entry: the leg may have been remembered anew since.
                byLeg.remove(head.leg(), head);
            }
        }
    }

    private boolean expired(Remembered remembered, Instant now) {
        return !remembered.at().plus(keepFor).isAfter(now);
    }
}
