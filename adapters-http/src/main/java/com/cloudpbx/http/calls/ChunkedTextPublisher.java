package com.cloudpbx.http.calls;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Streams text that a blocking producer writes (rows read from a database cursor) as a response
 * body, holding at most one chunk in memory: the producer runs on its own thread and, once a chunk
 * is full, waits for the subscriber's demand before handing it over. A slow client therefore
 * slows the producer down instead of making the server buffer the whole export.
 * <p>A client that stops reading altogether must not hold the producer (and its database
 * connection) for ever: when the subscriber has not come, or has not asked for the next chunk,
 * within {@code stallTimeout}, the stream is abandoned. The producer is unwound (releasing its
 * cursor) and the subscriber gets an error, which makes the server cut the connection.
 * <p>
 * {@link #awaitStart()} lets the caller answer a proper error when the producer fails before its
 * first output (a bad filter, a refused credential), since no response has been sent by then.
 */
public final class ChunkedTextPublisher implements Publisher<byte[]> {

    /** Writes text to {@code out}; may block; runs on the producer thread. */
    @FunctionalInterface
    public interface Producer {
        void produce(Consumer<String> out);
    }

    private final int chunkChars;
    private final Duration stallTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final StringBuilder chunk;
    private boolean claimed;
    private Subscriber<? super byte[]> subscriber;
    private long demand;
    private boolean cancelled;

    private ChunkedTextPublisher(String prefix, int chunkChars, Duration stallTimeout) {
        this.chunkChars = chunkChars;
        this.stallTimeout = stallTimeout;
        this.chunk = new StringBuilder(chunkChars + 1024).append(prefix);
    }

    /**
     * Starts {@code producer} on {@code executor}. {@code prefix} (a header row) is sent first and
     * does not count as the producer's first output. {@code stallTimeout} is how long the producer
     * waits for the subscriber to come and, each time, to ask for more.
     */
    public static ChunkedTextPublisher start(Executor executor, String prefix, Producer producer, int chunkChars,
                                             Duration stallTimeout) {
        ChunkedTextPublisher publisher = new ChunkedTextPublisher(prefix, chunkChars, stallTimeout);
        executor.execute(() -> publisher.run(producer));
        return publisher;
    }

    /** Waits until the producer wrote something or finished; rethrows what it failed with before that. */
    public void awaitStart() {
        try {
            started.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new IllegalStateException("interrupted while the export started", e);
        }
    }

    @Override
    public void subscribe(Subscriber<? super byte[]> candidate) {
        lock.lock();
        boolean first = !claimed;
        claimed = true;
        lock.unlock();
        if (!first) {
            candidate.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            candidate.onError(new IllegalStateException("this stream has already been subscribed to"));
            return;
        }
        candidate.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                ChunkedTextPublisher.this.request(n);
            }

            @Override
            public void cancel() {
                ChunkedTextPublisher.this.cancel();
            }
        });
        // Only now may the producer signal: onNext must not overlap onSubscribe.
        lock.lock();
        try {
            subscriber = candidate;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void request(long n) {
        lock.lock();
        try {
            if (n <= 0) {
                // A broken subscriber (rule 3.9): stop producing rather than guess what it meant.
                cancelled = true;
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void cancel() {
        lock.lock();
        try {
            cancelled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run(Producer producer) {
        try {
            producer.produce(this::write);
            started.complete(null);
            if (!chunk.isEmpty()) {
                emit();
            }
            awaitSubscriber().onComplete();
        } catch (Abandoned abandoned) {
            started.complete(null);
        } catch (RuntimeException | Error failure) {
            if (!started.completeExceptionally(failure)) {
                signalError(failure);
            }
        }
    }

    private void write(String text) {
        if (isCancelled()) {
            // Unwinds the producer so that it releases its cursor.
            throw new Abandoned();
        }
        started.complete(null);
        chunk.append(text);
        if (chunk.length() >= chunkChars) {
            emit();
        }
    }

    private void emit() {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        chunk.setLength(0);
        Subscriber<? super byte[]> target;
        boolean stalled;
        lock.lock();
        try {
            target = awaitSubscriberLocked();
            stalled = !awaitDemandLocked();
            if (cancelled && !stalled) {
                throw new Abandoned();
            }
            if (!stalled) {
                demand--;
            }
        } finally {
            lock.unlock();
        }
        if (stalled) {
            // Outside the lock, as every signal: the subscriber (the server) cuts the connection.
            target.onError(new Stalled(stallTimeout));
            throw new Abandoned();
        }
        target.onNext(bytes);
    }

    /** True once there is demand; false when none came within the stall timeout (then cancelled). */
    private boolean awaitDemandLocked() {
        long remaining = stallTimeout.toNanos();
        while (!cancelled && demand == 0) {
            if (remaining <= 0) {
                cancelled = true;
                return false;
            }
            try {
                remaining = changed.awaitNanos(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        return true;
    }

    private void signalError(Throwable failure) {
        try {
            awaitSubscriber().onError(failure);
        } catch (Abandoned abandoned) {
            // Nobody listens any more; the failure has nowhere to go.
        }
    }

    private Subscriber<? super byte[]> awaitSubscriber() {
        lock.lock();
        try {
            return awaitSubscriberLocked();
        } finally {
            lock.unlock();
        }
    }

    private Subscriber<? super byte[]> awaitSubscriberLocked() {
        long remaining = stallTimeout.toNanos();
        while (!cancelled && subscriber == null) {
            if (remaining <= 0) {
                cancelled = true;
                break;
            }
            try {
                remaining = changed.awaitNanos(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        if (cancelled) {
            throw new Abandoned();
        }
        return subscriber;
    }

    private boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    /** The client read nothing for the stall timeout; it is cut off. */
    static final class Stalled extends RuntimeException {
        Stalled(Duration timeout) {
            super("the client read nothing for " + timeout.toSeconds() + " s; the export was cut off", null, false,
                    false);
        }
    }

    /** The subscriber went away or never came; production stops. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the stream's subscriber went away", null, false, false);
        }
    }
}
