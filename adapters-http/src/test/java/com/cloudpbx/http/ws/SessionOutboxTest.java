package com.cloudpbx.http.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionOutboxTest {

    @Test
    void sendsInOrderOneFrameAtATime() {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 10, () -> { });

        outbox.offer("a");
        outbox.offer("b");
        outbox.offer("c");

        assertThat(sink.sent).containsExactly("a");
        sink.completeNext();
        assertThat(sink.sent).containsExactly("a", "b");
        sink.completeNext();
        sink.completeNext();
        assertThat(sink.sent).containsExactly("a", "b", "c");
        assertThat(sink.closedWith).isNull();
    }

    @Test
    void framesThatCompleteAtOnceAreAllSentWithoutRecursion() {
        List<String> sent = new ArrayList<>();
        FrameSink instant = new FrameSink() {
            @Override
            public CompletionStage<?> send(String text) {
                sent.add(text);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close(int code, String reason) {
            }
        };
        SessionOutbox outbox = new SessionOutbox(instant, 10, () -> { });

        for (int i = 0; i < 100_000; i++) {
            outbox.offer(String.valueOf(i));
        }

        assertThat(sent).hasSize(100_000);
        assertThat(sent.get(0)).isEqualTo("0");
        assertThat(sent.get(99_999)).isEqualTo("99999");
    }

    @Test
    void aClientThatDoesNotKeepUpIsClosedWith4008AndGetsNothingMore() {
        ManualSink sink = new ManualSink();
        AtomicInteger closedCallbacks = new AtomicInteger();
        SessionOutbox outbox = new SessionOutbox(sink, 3, closedCallbacks::incrementAndGet);

        assertThat(outbox.offer("in flight")).isTrue();
        assertThat(outbox.offer("q1")).isTrue();
        assertThat(outbox.offer("q2")).isTrue();
        assertThat(outbox.offer("q3")).isTrue();
        assertThat(outbox.offer("overflow")).isFalse();

        assertThat(sink.closedWith).isEqualTo(CloseCodes.TOO_SLOW);
        assertThat(sink.closeReason).isEqualTo("too slow");
        assertThat(outbox.isClosed()).isTrue();
        assertThat(closedCallbacks).hasValue(1);

        sink.completeNext();
        assertThat(outbox.offer("later")).isFalse();
        assertThat(sink.sent).containsExactly("in flight");
        assertThat(closedCallbacks).hasValue(1);
    }

    @Test
    void aFailedSendStopsTheOutboxWithoutACloseFrame() {
        ManualSink sink = new ManualSink();
        AtomicInteger closedCallbacks = new AtomicInteger();
        SessionOutbox outbox = new SessionOutbox(sink, 10, closedCallbacks::incrementAndGet);
        outbox.offer("a");
        outbox.offer("b");

        sink.pending.remove(0).completeExceptionally(new IllegalStateException("connection reset"));

        assertThat(outbox.isClosed()).isTrue();
        assertThat(closedCallbacks).hasValue(1);
        assertThat(sink.sent).containsExactly("a");
        assertThat(sink.closedWith).isNull();
    }

    @Test
    void offeringNeverWaitsForTheClient() {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 1_000, () -> { });

        long started = System.nanoTime();
        for (int i = 0; i < 5_000; i++) {
            outbox.offer("event " + i);
        }

        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
        assertThat(sink.closedWith).isEqualTo(CloseCodes.TOO_SLOW);
    }

    /** Records frames; each send completes only when the test says so. */
    static class ManualSink implements FrameSink {

        final List<String> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        Integer closedWith;
        String closeReason;

        @Override
        public CompletionStage<?> send(String text) {
            sent.add(text);
            CompletableFuture<Void> future = new CompletableFuture<>();
            pending.add(future);
            return future;
        }

        @Override
        public void close(int code, String reason) {
            closedWith = code;
            closeReason = reason;
        }

        void completeNext() {
            pending.remove(0).complete(null);
        }
    }
}
