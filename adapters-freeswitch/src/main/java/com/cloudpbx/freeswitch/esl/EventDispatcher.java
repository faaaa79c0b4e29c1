package com.cloudpbx.freeswitch.esl;

import com.cloudpbx.freeswitch.esl.codec.EslEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands decoded events from the socket thread to the listener on a dedicated thread, so that
 * decoding keeps pace with FreeSWITCH (which drops an event consumer that falls too far behind)
 * however long the listener takes.
 *
 * <p>At most {@code capacity} events wait. When the queue is full the socket handler holds further
 * events itself, still reading so that command replies get through, and stops reading only when
 * it holds as many again (see {@link EslSessionHandler}); it asks to be told, through
 * {@link #whenDrained}, once the listener has worked the queue down to half: memory stays bounded
 * and no event is dropped, at the price of FreeSWITCH buffering on its side while the listener is
 * stuck. Connection signals do not count against the capacity, so a full queue never loses an
 * onConnected.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private sealed interface Delivery {
    }

    private record Event(EslEvent event) implements Delivery {
    }

    private record Connected() implements Delivery {
    }

    private record Disconnected(EslUnavailable cause) implements Delivery {
    }

    private record Stop() implements Delivery {
    }

    private final EslConnection connection;
    private final EslListener listener;
    private final int capacity;
    private final BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final AtomicInteger mostQueuedEvents = new AtomicInteger();
    private final AtomicReference<Runnable> drained = new AtomicReference<>();
    private final Thread thread;

    EventDispatcher(EslConnection connection, EslListener listener, int capacity) {
        this.connection = connection;
        this.listener = listener;
        this.capacity = capacity;
        this.thread = Thread.ofPlatform().daemon().name("esl-events-" + connection.address()).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    void stop() {
        queue.add(new Stop());
    }

    /** False when the queue is full; called from one thread only (the socket's). */
    boolean offer(EslEvent event) {
        if (queuedEvents.get() >= capacity) {
            return false;
        }
        int queued = queuedEvents.incrementAndGet();
        mostQueuedEvents.accumulateAndGet(queued, Math::max);
        queue.add(new Event(event));
        return true;
    }

    /** For the few events a closing connection decoded past a full queue: losing them is worse. */
    void offerDespiteCapacity(EslEvent event) {
        int queued = queuedEvents.incrementAndGet();
        mostQueuedEvents.accumulateAndGet(queued, Math::max);
        queue.add(new Event(event));
    }

    void connected() {
        queue.add(new Connected());
    }

    void disconnected(EslUnavailable cause) {
        queue.add(new Disconnected(cause));
    }

    /** Runs {@code callback} once, as soon as at most half the capacity is queued (maybe right away). */
    void whenDrained(Runnable callback) {
        drained.set(callback);
        if (queuedEvents.get() <= capacity / 2) {
            runDrainedCallback();
        }
    }

    int queuedEvents() {
        return queuedEvents.get();
    }

    /** The largest number of events ever waiting at once. */
    int mostQueuedEvents() {
        return mostQueuedEvents.get();
    }

    private void run() {
        while (true) {
            Delivery delivery;
            try {
                delivery = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                switch (delivery) {
                    case Event(EslEvent event) -> {
                        if (queuedEvents.decrementAndGet() <= capacity / 2) {
                            runDrainedCallback();
                        }
                        listener.onEvent(connection, event);
                    }
                    case Connected() -> listener.onConnected(connection);
                    case Disconnected(EslUnavailable cause) -> listener.onDisconnected(connection, cause);
                    case Stop() -> {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                // One bad event must not stop delivery of the ones after it.
                LOG.error("Event listener failed on {} from {}", delivery, connection.address(), e);
            }
        }
    }

    private void runDrainedCallback() {
        Runnable callback = drained.getAndSet(null);
        if (callback != null) {
            callback.run();
        }
    }
}
