package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.MediaEvent;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the listeners in exactly the order they were posted, one at a time, on the
 * executor's threads rather than the caller's: a listener may call back into the switch
 * without deadlocking, and a command returns before its events are seen, as with a real switch.
 */
final class EventOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(EventOutbox.class);

    private final Executor executor;
    private final List<Consumer<MediaEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Queue<MediaEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    EventOutbox(Executor executor) {
        this.executor = executor;
    }

    void register(Consumer<MediaEvent> listener) {
        listeners.add(listener);
    }

    /** Callers post under the switch's lock, so the queue order is the order things happened. */
    void post(MediaEvent event) {
        pending.add(event);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                LOG.debug("Simulated switch events dropped: its executor is shut down");
            }
        }
    }

    private void drain() {
        MediaEvent event;
        while ((event = pending.poll()) != null) {
            deliver(event);
        }
        draining.set(false);
        // An event posted between the last poll and the reset would otherwise wait for the next post.
        if (!pending.isEmpty()) {
            scheduleDrain();
        }
    }

    private void deliver(MediaEvent event) {
        for (Consumer<MediaEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A media event listener failed on {}", event, e);
            }
        }
    }
}
