package com.cloudpbx.http.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

class ChunkedTextTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void sendsThePrefixThenEverythingInOrder() throws Exception {
        var stream = ChunkedText.start(executor, "header\n", out -> {
            for (int i = 0; i < 10_000; i++) {
                out.accept(i + "\n");
            }
        }, 100, Duration.ofSeconds(5));
        stream.awaitStart();

        Recorder recorder = new Recorder(Long.MAX_VALUE);
        stream.body().subscribe(recorder);

        String text = recorder.done.get(10, TimeUnit.SECONDS);
        StringBuilder expected = new StringBuilder("header\n");
        for (int i = 0; i < 10_000; i++) {
            expected.append(i).append('\n');
        }
        assertThat(text).isEqualTo(expected.toString());
        assertThat(recorder.chunks.size()).isGreaterThan(100);
    }

    @Test
    void anEmptyResultStillSendsThePrefix() throws Exception {
        var stream = ChunkedText.start(executor, "header\n", out -> { }, 100, Duration.ofSeconds(5));
        stream.awaitStart();
        Recorder recorder = new Recorder(Long.MAX_VALUE);
        stream.body().subscribe(recorder);

        assertThat(recorder.done.get(5, TimeUnit.SECONDS)).isEqualTo("header\n");
    }

    @Test
    void theProducerWaitsForDemandSoMemoryStaysBounded() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        var stream = ChunkedText.start(executor, "", out -> {
            for (int i = 0; i < 1_000_000; i++) {
                out.accept("0123456789");
                produced.incrementAndGet();
            }
        }, 1_000, Duration.ofSeconds(5));
        stream.awaitStart();
        Recorder recorder = new Recorder(2);
        stream.body().subscribe(recorder);

        Thread.sleep(300);

        // Two chunks delivered, a third filled and waiting: nothing more was read from the source.
        assertThat(recorder.chunks).hasSize(2);
        assertThat(produced.get()).isLessThanOrEqualTo(3 * 100 + 1);

        recorder.subscription.cancel();
        Thread.sleep(100);
        int afterCancel = produced.get();
        Thread.sleep(200);
        assertThat(produced.get()).isEqualTo(afterCancel);
    }

    @Test
    void aSubscriberThatStopsAskingIsCutOffAfterTheStallTimeoutAndTheProducerReleased()
            throws Exception {
        CompletableFuture<Void> released = new CompletableFuture<>();
        var stream = ChunkedText.start(executor, "", out -> {
            try {
                for (int i = 0; i < 1_000_000; i++) {
                    out.accept("0123456789");
                }
            } finally {
                released.complete(null);
            }
        }, 1_000, Duration.ofMillis(300));
        stream.awaitStart();
        Recorder recorder = new Recorder(2);
        stream.body().subscribe(recorder);

        assertThat(recorder.failure.get(5, TimeUnit.SECONDS)).hasMessageContaining("read nothing");
        released.get(1, TimeUnit.SECONDS);
        assertThat(recorder.chunks).hasSize(2);
    }

    @Test
    void aFailureBeforeTheFirstOutputIsThrownByAwaitStart() {
        var stream = ChunkedText.start(executor, "header\n", out -> {
            throw DomainException.invalid("direction", "must be inbound, outbound, internal or all");
        }, 100, Duration.ofSeconds(5));

        assertThatThrownBy(stream::awaitStart).isInstanceOf(DomainException.class).hasMessageContaining("direction");
    }

    @Test
    void aFailureAfterTheFirstOutputReachesTheSubscriber() throws Exception {
        var stream = ChunkedText.start(executor, "", out -> {
            out.accept("row\n");
            throw new IllegalStateException("cursor lost");
        }, 100, Duration.ofSeconds(5));
        stream.awaitStart();
        Recorder recorder = new Recorder(Long.MAX_VALUE);
        stream.body().subscribe(recorder);

        assertThat(recorder.failure.get(5, TimeUnit.SECONDS)).hasMessage("cursor lost");
    }

    @Test
    void aSecondSubscriberIsRefused() throws Exception {
        var stream = ChunkedText.start(executor, "x", out -> { }, 100, Duration.ofSeconds(5));
        stream.body().subscribe(new Recorder(Long.MAX_VALUE));
        Recorder second = new Recorder(Long.MAX_VALUE);
        stream.body().subscribe(second);

        assertThat(second.failure.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    }

    /** Requests {@code initial} chunks up front and records what arrives. */
    private static final class Recorder implements Subscriber<byte[]> {

        final long initial;
        final List<byte[]> chunks = new ArrayList<>();
        final CompletableFuture<String> done = new CompletableFuture<>();
        final CompletableFuture<Throwable> failure = new CompletableFuture<>();
        volatile Subscription subscription;

        Recorder(long initial) {
            this.initial = initial;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(initial);
        }

        @Override
        public synchronized void onNext(byte[] chunk) {
            chunks.add(chunk);
        }

        @Override
        public void onError(Throwable t) {
            failure.complete(t);
        }

        @Override
        public synchronized void onComplete() {
            StringBuilder all = new StringBuilder();
            chunks.forEach(c -> all.append(new String(c, StandardCharsets.UTF_8)));
            done.complete(all.toString());
        }
    }
}
