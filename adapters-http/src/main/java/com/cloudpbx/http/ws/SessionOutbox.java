package com.cloudpbx.http.ws;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's outgoing messages: a bounded queue sent one frame at a time, in order. Offering
 * never blocks, so one slow client cannot hold up the events of everybody else; a client whose
 * queue fills up is disconnected with {@link CloseCodes#TOO_SLOW} and may reconnect and reload
 * the live state.
 */
public final class SessionOutbox {

    private final FrameSink sink;
    private final ArrayBlockingQueue<String> queue;
    private final Runnable onClosed;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** {@code onClosed} runs once, when the outbox stops for any reason. */
    public SessionOutbox(FrameSink sink, int capacity, Runnable onClosed) {
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onClosed = onClosed;
    }

    /** Queues a message; false when the outbox is closed or has just overflowed. */
    public boolean offer(String text) {
        if (closed.get()) {
            return false;
        }
        if (!queue.offer(text)) {
            shutDown(CloseCodes.TOO_SLOW, "too slow");
            return false;
        }
        drain();
        return true;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Stops sending without closing the connection (it is already closing). */
    public void discard() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            onClosed.run();
        }
    }

    /** Closes the connection with {@code code}; later offers are dropped. */
    public void shutDown(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            try {
                sink.close(code, reason);
            } finally {
                onClosed.run();
            }
        }
    }

    /**
     * Sends queued messages while no send is in flight. A send that completes at once continues
     * the loop here instead of recursing, so a fast client does not grow the stack.
     */
    private void drain() {
        while (!closed.get() && sending.compareAndSet(false, true)) {
            String next = queue.poll();
            if (next == null) {
                sending.set(false);
                // A message offered between poll() and set(false) would otherwise wait for the next offer.
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            CompletableFuture<?> sent;
            try {
                sent = sink.send(next).toCompletableFuture();
            } catch (RuntimeException gone) {
                discard();
                return;
            }
            if (sent.isDone()) {
                sending.set(false);
                if (sent.isCompletedExceptionally()) {
                    discard();
                    return;
                }
                continue;
            }
            sent.whenComplete((ignored, failure) -> {
                sending.set(false);
                if (failure != null) {
                    discard();
                } else {
                    drain();
                }
            });
            return;
        }
    }
}
