package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.MediaEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One switch's events on their way to the listeners (live state, notifications, call records).
 * Open while this node holds the switch's lease: events pass at once. Closed, they are kept for a
 * while (at most {@code window}, at most {@code capacity} of them): a node that takes the lease over
 * from one that died replays what it kept, so the events the old holder may not have applied before
 * it died are applied. A replayed event the old holder did apply is applied again: live state and
 * call records take repeats (a hang-up already recorded is recognised), clients may see an event
 * twice around a takeover. Calls are serialised: the switch's event thread offers, the lease
 * thread opens and closes.
 */
final class EventGate {

    private final Consumer<MediaEvent> listeners;
    private final long windowNanos;
    private final int capacity;
    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private boolean open;

    EventGate(Consumer<MediaEvent> listeners, Duration window, int capacity) {
        this.listeners = listeners;
        this.windowNanos = window.toNanos();
        this.capacity = capacity;
    }

    synchronized void offer(MediaEvent event) {
        if (open) {
            listeners.accept(event);
            return;
        }
        long now = System.nanoTime();
        kept.addLast(new Kept(now, event));
        forgetOlderThan(now);
        while (kept.size() > capacity) {
            kept.removeFirst();
        }
    }

    /** Starts passing events, after replaying those kept within the window. */
    synchronized void open() {
        if (open) {
            return;
        }
        forgetOlderThan(System.nanoTime());
        while (!kept.isEmpty()) {
            listeners.accept(kept.removeFirst().event());
        }
        open = true;
    }

    synchronized void close() {
        open = false;
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized int keptEvents() {
        return kept.size();
    }

    private void forgetOlderThan(long now) {
        while (!kept.isEmpty() && now - kept.peekFirst().receivedAt() > windowNanos) {
            kept.removeFirst();
        }
    }

    private record Kept(long receivedAt, MediaEvent event) {
    }
}
