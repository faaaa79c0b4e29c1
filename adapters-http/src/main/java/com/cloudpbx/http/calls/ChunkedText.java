package com.cloudpbx.http.calls;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Streams text that a blocking producer writes (rows read from a database cursor) as a response
 * body, holding at most one chunk in memory: the producer runs on its own thread and, once a chunk
 * is full, waits for the subscriber's demand before handing it over. A slow client therefore
 * slows the producer down instead of making the server buffer the whole export.
 * <p>The body is a {@link Flux#create} whose sink is fed only while the subscriber has asked for
 * more; its {@link FluxSink.OverflowStrategy#ERROR} strategy turns any chunk sent without demand
 * into an error rather than a buffer, so the bound cannot erode. Reactor keeps the subscription
 * protocol; this class only makes the producer thread wait for demand, because the cursor can be
 * read only inside the producer's call.
 * <p>A client that stops reading altogether must not hold the producer (and its database
 * connection) for ever: when the subscriber has not come, or has not asked for the next chunk,
 * within {@code stallTimeout}, the stream is abandoned. The producer is unwound (releasing its
 * cursor) and the subscriber gets an error, which makes the server cut the connection. The time
 * counted is only time spent waiting for the client (Reactor's {@code timeout} operator would
 * also count a slow query as a stalled client).
 * <p>
 * {@link #awaitStart()} lets the caller answer a proper error when the producer fails before its
 * first output (a bad filter, a refused credential), since no response has been sent by then.
 */
public final class ChunkedText {

    /** Writes text to {@code out}; may block; runs on the producer thread. */
    @FunctionalInterface
    public interface Producer {
        void produce(Consumer<String> out);
    }

    private final int chunkChars;
    private final Duration stallTimeout;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final CompletableFuture<FluxSink<byte[]>> subscribed = new CompletableFuture<>();
    // Rung on every request and when the stream ends; the producer re-reads the sink's state after each ring.
    private final Semaphore changed = new Semaphore(0);
    private final StringBuilder chunk;
    private final Flux<byte[]> body;

    private ChunkedText(String prefix, int chunkChars, Duration stallTimeout) {
        this.chunkChars = chunkChars;
        this.stallTimeout = stallTimeout;
        this.chunk = new StringBuilder(chunkChars + 1024).append(prefix);
        this.body = Flux.create(this::attach, FluxSink.OverflowStrategy.ERROR);
    }

    /**
     * Starts {@code producer} on {@code executor}. {@code prefix} (a header row) is sent first and
     * does not count as the producer's first output. {@code stallTimeout} is how long the producer
     * waits for the subscriber to come and, each time, to ask for more.
     */
    public static ChunkedText start(Executor executor, String prefix, Producer producer, int chunkChars,
                                    Duration stallTimeout) {
        ChunkedText text = new ChunkedText(prefix, chunkChars, stallTimeout);
        executor.execute(() -> text.run(producer));
        return text;
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
            // Nobody will subscribe now: the producer stops at its next write.
            subscribed.completeExceptionally(new Abandoned());
            throw new IllegalStateException("interrupted while the export started", e);
        }
    }

    /** The response body, for one subscriber: the text in chunks of about {@code chunkChars}, UTF-8. */
    public Flux<byte[]> body() {
        return body;
    }

    private void attach(FluxSink<byte[]> sink) {
        if (!subscribed.complete(sink)) {
            sink.error(new IllegalStateException(subscribed.isCompletedExceptionally()
                    ? "this stream was abandoned before it was subscribed to"
                    : "this stream has already been subscribed to"));
            return;
        }
        sink.onRequest(n -> changed.release());
        sink.onDispose(changed::release);
        // A request made before the callbacks were set shows in the sink's count; the ring makes the producer look.
        changed.release();
    }

    private void run(Producer producer) {
        try {
            producer.produce(this::write);
            started.complete(null);
            if (!chunk.isEmpty()) {
                emit();
            }
            awaitSubscriber().complete();
        } catch (Abandoned abandoned) {
            started.complete(null);
        } catch (RuntimeException | Error failure) {
            if (!started.completeExceptionally(failure)) {
                signalError(failure);
            }
        }
    }

    private void write(String text) {
        if (isAbandoned()) {
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
        FluxSink<byte[]> sink = awaitSubscriber();
        awaitDemand(sink);
        sink.next(bytes);
    }

    /** Returns once the subscriber asked for more; unwinds when it cancelled or asked for nothing in time. */
    private void awaitDemand(FluxSink<byte[]> sink) {
        long deadline = System.nanoTime() + stallTimeout.toNanos();
        try {
            while (!sink.isCancelled() && sink.requestedFromDownstream() == 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !changed.tryAcquire(remaining, TimeUnit.NANOSECONDS)) {
                    // The subscriber (the server) cuts the connection on this error.
                    sink.error(new Stalled(stallTimeout));
                    throw new Abandoned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.error(new IllegalStateException("the export was interrupted", e));
            throw new Abandoned();
        }
        if (sink.isCancelled()) {
            throw new Abandoned();
        }
    }

    private void signalError(Throwable failure) {
        try {
            awaitSubscriber().error(failure);
        } catch (Abandoned abandoned) {
            // Nobody listens any more; the failure has nowhere to go.
        }
    }

    private FluxSink<byte[]> awaitSubscriber() {
        try {
            return subscribed.get(stallTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            subscribed.completeExceptionally(new Abandoned());
            throw new Abandoned();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            subscribed.completeExceptionally(new Abandoned());
            throw new Abandoned();
        }
    }

    private boolean isAbandoned() {
        if (subscribed.isCompletedExceptionally()) {
            return true;
        }
        FluxSink<byte[]> sink = subscribed.getNow(null);
        return sink != null && sink.isCancelled();
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
