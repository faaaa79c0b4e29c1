package com.cloudpbx.storage.postgres.calls;

import com.cloudpbx.core.calls.CallRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores call records on a thread of its own, all that are waiting in one write (up to
 * {@code maxBatch}), so that whoever hands them over does not wait for a commit and the commit
 * cost is shared: one commit per batch rather than one per call.
 *
 * <p>Records are written in the order they were handed over. A write that fails is retried, with
 * growing pauses, until it succeeds; meanwhile records wait in memory and {@link #submit} still
 * returns at once: it is called on the thread that applies the media server's events, and that
 * thread must keep up with live calls (and with the command results read behind those events)
 * while the database is away. A backlog past {@code backlogWarning} is logged, once per time it
 * builds up, so an operator sees it grow. Memory stays bounded: only past {@code capacity} waiting
 * records (minutes of a busy switch) does {@link #submit} block, which slows the event stream down
 * rather than drop a record. A record
 * the database refuses for its content (see {@link RefusedRecords}) is the one exception: it is
 * logged in full and left out, so that it cannot hold up the records behind it. Closing writes
 * what is waiting; only a store still failing when {@code closeWithin} is up makes it give up, and
 * then every record not stored is logged in full.
 */
final class CallRecordWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallRecordWriter.class);

    /**
     * @param backlogWarning records waiting (the database being slow or away) past which a warning is logged
     * @param capacity    records that may wait before {@link #submit} blocks
     * @param maxBatch    records per write
     * @param retryMin    pause after the first failed write; it doubles per failure
     * @param retryMax    longest pause between attempts
     * @param closeWithin how long closing may spend writing what is left
     */
    record Settings(int backlogWarning, int capacity, int maxBatch, Duration retryMin, Duration retryMax, Duration closeWithin) {

        Settings {
            Objects.requireNonNull(retryMin, "retryMin");
            Objects.requireNonNull(retryMax, "retryMax");
            Objects.requireNonNull(closeWithin, "closeWithin");
            if (backlogWarning < 1 || capacity < backlogWarning || maxBatch < 1 || retryMin.isNegative()
                    || retryMax.compareTo(retryMin) < 0) {
                throw new IllegalArgumentException(
                        "0 < backlogWarning <= capacity, maxBatch positive, retryMax >= retryMin >= 0");
            }
        }

        /**
         * A warning once ten thousand records wait (five seconds of a very busy switch); blocking
         * only past 200,000 (some 100 MB, over a minute and a half of 2,000 calls a second); 500 per write.
         */
        static Settings defaults() {
            return new Settings(10_000, 200_000, 500, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10));
        }
    }

    private final Consumer<List<CallRecord>> store;
    private final Settings settings;
    private final BlockingQueue<CallRecord> waiting;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closing;
    private volatile boolean givingUp;
    /** Records queued, and records the thread is done with; the difference is what is pending. */
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    /** Guards {@code idle}, so that close interrupts the thread only while it waits for records. */
    private final Object idleLock = new Object();
    private boolean idle;
    /** Whether the current backlog was reported, so that a long outage logs once rather than per call. */
    private final AtomicBoolean backlogReported = new AtomicBoolean();

    /** @param store writes one batch durably, or throws */
    CallRecordWriter(Consumer<List<CallRecord>> store, Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.waiting = new LinkedBlockingQueue<>(settings.capacity());
        this.thread = Thread.ofPlatform().daemon().name("call-record-writer").start(this::run);
    }

    /** Takes the record for writing; returns at once unless {@code capacity} records wait. */
    void submit(CallRecord record) {
        Objects.requireNonNull(record, "record");
        if (closing) {
            // Late, e.g. the last events while shutting down: written here rather than left behind.
            writeNow(List.of(record));
            return;
        }
        long pending = accepted.incrementAndGet() - settled.get();
        try {
            waiting.put(record);
        } catch (InterruptedException e) {
            accepted.decrementAndGet();
            Thread.currentThread().interrupt();
            writeNow(List.of(record));
            return;
        }
        if (pending > settings.backlogWarning() && backlogReported.compareAndSet(false, true)) {
            LOG.warn("{} call records are waiting to be stored: the database is slow or unavailable; they are kept"
                    + " in memory and written once it answers again", pending);
        }
        if (!thread.isAlive()) {
            // Raced with close: the writer thread has gone, so nobody else will take it.
            flushLeftovers();
        }
    }

    /** Records stored so far. */
    long written() {
        return written.get();
    }

    /** Records taken and not settled yet (stored, or refused by the database), the batch being written included. */
    long pending() {
        return accepted.get() - settled.get();
    }

    /** Writes what is waiting, then stops the thread; see the class comment for a store that stays down. */
    @Override
    public void close() {
        synchronized (idleLock) {
            closing = true;
            if (idle) {
                thread.interrupt();
            }
        }
        try {
            thread.join(settings.closeWithin().toMillis());
            if (thread.isAlive()) {
                givingUp = true;
                thread.interrupt();
                thread.join(settings.closeWithin().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            givingUp = true;
        }
        flushLeftovers();
    }

    private synchronized void flushLeftovers() {
        List<CallRecord> left = new ArrayList<>();
        waiting.drainTo(left);
        settled.addAndGet(left.size());
        for (int from = 0; from < left.size(); from += settings.maxBatch()) {
            List<CallRecord> batch = left.subList(from, Math.min(left.size(), from + settings.maxBatch()));
            try {
                writeNow(batch);
            } catch (RuntimeException e) {
                LOG.error("Could not store {} call records while closing: {}", batch.size(), e.getMessage());
                batch.forEach(record -> LOG.error("Call record not stored: {}", record));
            }
        }
    }

    private void writeNow(List<CallRecord> batch) {
        store.accept(List.copyOf(batch));
        written.addAndGet(batch.size());
    }

    private void run() {
        List<CallRecord> batch = new ArrayList<>(settings.maxBatch());
        while (!givingUp) {
            CallRecord first = next();
            if (first == null) {
                return;
            }
            batch.add(first);
            waiting.drainTo(batch, settings.maxBatch() - 1);
            write(batch);
            batch.clear();
        }
    }

    /** The next record, waiting for one unless closing; null once closing and nothing is left. */
    private CallRecord next() {
        synchronized (idleLock) {
            if (closing) {
                return waiting.poll();
            }
            idle = true;
        }
        try {
            return waiting.take();
        } catch (InterruptedException e) {
            // Woken up by close (or by giving up, which the caller sees).
            return waiting.poll();
        } finally {
            synchronized (idleLock) {
                idle = false;
                // An interrupt meant for the wait must not reach the write that follows.
                Thread.interrupted();
            }
        }
    }

    private void write(List<CallRecord> batch) {
        try {
            writeUntilStored(batch);
        } finally {
            long pending = accepted.get() - settled.addAndGet(batch.size());
            if (pending == 0 && backlogReported.compareAndSet(true, false)) {
                LOG.info("The call record backlog is stored");
            }
        }
    }

    /**
     * Writes the batch, retrying while the store fails for now. When the database refuses the
     * batch for what is in it, the records are written one by one so that only the refused one is
     * left out (and logged in full), in order.
     */
    private void writeUntilStored(List<CallRecord> batch) {
        Duration pause = settings.retryMin();
        for (int attempt = 1; ; attempt++) {
            try {
                writeNow(batch);
                return;
            } catch (RuntimeException e) {
                if (RefusedRecords.isRefusal(e)) {
                    refused(batch, e);
                    return;
                }
                if (givingUp) {
                    batch.forEach(record -> LOG.error("Call record not stored: {}", record));
                    return;
                }
                LOG.warn("Could not store {} call records (attempt {}), retrying in {} ms: {}", batch.size(), attempt,
                        pause.toMillis(), e.getMessage());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                // Interrupted only to give up; the next attempt sees that.
            }
            pause = pause.multipliedBy(2).compareTo(settings.retryMax()) > 0 ? settings.retryMax() : pause.multipliedBy(2);
        }
    }

    private void refused(List<CallRecord> batch, RuntimeException failure) {
        if (batch.size() == 1) {
            LOG.error("The database refused a call record, which is not stored ({}): {}", failure.getMessage(),
                    batch.get(0));
            return;
        }
        for (CallRecord record : batch) {
            writeUntilStored(List.of(record));
        }
    }
}
