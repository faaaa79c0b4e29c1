package com.cloudpbx.app.bench;

import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.storage.postgres.calls.JdbcCallHistory;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The batch writes of the call history, timed: {@link JdbcCallHistory#recordAll} returns once its
 * statement is committed, so the moment it returns is each stored record's commit.
 */
final class CommitTimes implements Consumer<List<CallRecord>> {

    private final JdbcCallHistory store;
    private final ToIntFunction<UUID> callIndex;
    private final AtomicLongArray committedAt;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong largestWrite = new AtomicLong();
    private final Queue<Long> writeNanos = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowestRecentWrite = new AtomicLong();

    /**
     * @param callIndex the index of a scripted call from its uuid, -1 for any other
     * @param calls     how many scripted calls there are
     */
    CommitTimes(JdbcCallHistory store, ToIntFunction<UUID> callIndex, int calls) {
        this.store = store;
        this.callIndex = callIndex;
        this.committedAt = new AtomicLongArray(calls);
    }

    @Override
    public void accept(List<CallRecord> batch) {
        long started = System.nanoTime();
        Set<UUID> inserted = store.recordAll(batch);
        long now = System.nanoTime();
        writeNanos.add(now - started);
        slowestRecentWrite.accumulateAndGet(now - started, Math::max);
        writes.incrementAndGet();
        largestWrite.accumulateAndGet(batch.size(), Math::max);
        stored.addAndGet(inserted.size());
        refused.addAndGet(batch.size() - inserted.size());
        for (UUID call : inserted) {
            int index = callIndex.applyAsInt(call);
            if (index < 0) {
                foreign.incrementAndGet();
            } else {
                committedAt.compareAndSet(index, 0, now);
            }
        }
    }

    /** {@link System#nanoTime()} when the call's record was committed, 0 if it was not. */
    long committedAt(int index) {
        return committedAt.get(index);
    }

    /** Records the store took. */
    long stored() {
        return stored.get();
    }

    /** Records the store declined as a repeat of a call it had. */
    long refused() {
        return refused.get();
    }

    /** Stored records of calls the script did not make. */
    long foreign() {
        return foreign.get();
    }

    /** Statements (and commits) that wrote records. */
    long writes() {
        return writes.get();
    }

    /** How long each write took, sorted. */
    long[] sortedWriteNanos() {
        return writeNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The slowest write since the last call of this method. */
    long takeSlowestRecentWrite() {
        return slowestRecentWrite.getAndSet(0);
    }

    long largestWrite() {
        return largestWrite.get();
    }
}
