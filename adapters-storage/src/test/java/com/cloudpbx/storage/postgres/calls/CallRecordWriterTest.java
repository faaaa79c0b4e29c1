package com.cloudpbx.storage.postgres.calls;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.core.calls.CallStatus;
import com.cloudpbx.core.shared.TenantId;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallRecordWriterTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final CallRecordWriter.Settings QUICK = new CallRecordWriter.Settings(100, 100, 50, Duration.ofMillis(1),
            Duration.ofMillis(5), Duration.ofSeconds(5));

    private final List<List<CallRecord>> writes = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private CallRecordWriter writer;

    @AfterEach
    void close() {
        released.countDown();
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    void recordsArrivingDuringAWriteGoTogetherInTheNextInTheOrderSubmitted() throws Exception {
        var writing = new CountDownLatch(1);
        writer = new CallRecordWriter(batch -> {
            writing.countDown();
            await(released);
            writes.add(batch);
        }, QUICK);
        List<CallRecord> calls = calls(10);

        writer.submit(calls.get(0));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        calls.subList(1, 10).forEach(writer::submit);
        released.countDown();
        writer.close();

        assertThat(writes).containsExactly(calls.subList(0, 1), calls.subList(1, 10));
        assertThat(writer.written()).isEqualTo(10);
        assertThat(writer.pending()).isZero();
    }

    @Test
    void aFailedWriteIsRetriedUntilItSucceedsWithNothingLostOrReordered() {
        var failures = new AtomicInteger(3);
        writer = new CallRecordWriter(batch -> {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("database restarting");
            }
            writes.add(batch);
        }, QUICK);
        List<CallRecord> calls = calls(20);

        calls.forEach(writer::submit);
        writer.close();

        assertThat(writes.stream().flatMap(List::stream).toList()).isEqualTo(calls);
    }

    @Test
    void aRecordTheDatabaseRefusesIsLeftOutWithoutHoldingUpTheOthers() {
        List<CallRecord> calls = calls(6);
        CallRecord refused = calls.get(2);
        writer = new CallRecordWriter(batch -> {
            if (batch.contains(refused)) {
                throw new IllegalStateException("insert failed",
                        new SQLException("violates foreign key constraint", "23503"));
            }
            writes.add(batch);
        }, QUICK);

        calls.forEach(writer::submit);
        writer.close();

        List<CallRecord> expected = new ArrayList<>(calls);
        expected.remove(refused);
        assertThat(writes.stream().flatMap(List::stream).toList()).isEqualTo(expected);
    }

    @Test
    void submittingNeverWaitsForAStalledStoreAndEveryRecordIsStoredOnceItRecovers() throws Exception {
        var writing = new CountDownLatch(1);
        writer = new CallRecordWriter(batch -> {
            writing.countDown();
            await(released);
            writes.add(batch);
        }, new CallRecordWriter.Settings(2, 30, 50, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)));
        List<CallRecord> calls = calls(20);
        writer.submit(calls.get(0));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> calls.subList(1, 20).forEach(writer::submit));

        rest.get(1, TimeUnit.SECONDS);
        assertThat(writer.pending()).isEqualTo(20);
        released.countDown();
        writer.close();
        assertThat(writes.stream().flatMap(List::stream).toList()).isEqualTo(calls);
    }

    @Test
    void submittingBlocksOnlyOnceTheCapacityIsWaitingAndThenLosesNothing() throws Exception {
        var writing = new CountDownLatch(1);
        writer = new CallRecordWriter(batch -> {
            writing.countDown();
            await(released);
            writes.add(batch);
        }, new CallRecordWriter.Settings(1, 2, 50, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)));
        List<CallRecord> calls = calls(4);
        writer.submit(calls.get(0));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        writer.submit(calls.get(1));
        writer.submit(calls.get(2));

        CompletableFuture<Void> fourth = CompletableFuture.runAsync(() -> writer.submit(calls.get(3)));

        Thread.sleep(200);
        assertThat(fourth).isNotDone();
        assertThat(writer.pending()).isEqualTo(4);
        released.countDown();
        fourth.get(5, TimeUnit.SECONDS);
        writer.close();
        assertThat(writes.stream().flatMap(List::stream).toList()).isEqualTo(calls);
    }

    @Test
    void closingAnIdleWriterIsImmediate() {
        writer = new CallRecordWriter(writes::add, QUICK);
        writer.submit(calls(1).get(0));

        long started = System.nanoTime();
        writer.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(50));
        assertThat(writes).hasSize(1);
    }

    @Test
    void aRecordSubmittedAfterClosingIsWrittenAtOnce() {
        writer = new CallRecordWriter(writes::add, QUICK);
        writer.close();
        CallRecord late = calls(1).get(0);

        writer.submit(late);

        assertThat(writes).containsExactly(List.of(late));
    }

    @Test
    void closingGivesUpOnAStoreThatStaysDown() {
        Consumer<List<CallRecord>> down = batch -> {
            throw new IllegalStateException("connection refused");
        };
        writer = new CallRecordWriter(down, new CallRecordWriter.Settings(100, 100, 50, Duration.ofMillis(1),
                Duration.ofMillis(5), Duration.ofMillis(200)));
        calls(3).forEach(writer::submit);

        long started = System.nanoTime();
        writer.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(writer.written()).isZero();
        writer = null;
    }

    private static List<CallRecord> calls(int count) {
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(new CallRecord(UUID.randomUUID(), TENANT, UUID.randomUUID(), CallDirection.INBOUND, "+1555000" + i,
                    null, "1001", "1001", CallStatus.COMPLETED, 10, 8, null, false, "NORMAL_CLEARING", T0,
                    T0.plusSeconds(2), T0.plusSeconds(10)));
        }
        return calls;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
