package com.cloudpbx.storage.postgres.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit for writes many threads make at once (webhook attempts ending together): a caller
 * that finds no write under way writes what is waiting, its own included, in one statement, and
 * goes on with what came in meanwhile until nothing waits; the others wait for the write that
 * carries theirs. Each caller returns once its row is stored (or with the failure that kept it
 * out), as if it had written alone, at a fraction of the round trips and commits.
 */
final class GroupedWrites<T> {

    private final int maxRows;
    private final Consumer<List<T>> write;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Waiting<T>> waiting = new ArrayList<>();
    private boolean writing;

    /** @param write stores every row given, in one statement, or throws */
    GroupedWrites(int maxRows, Consumer<List<T>> write) {
        this.maxRows = maxRows;
        this.write = write;
    }

    /** Returns once the row is stored; throws what the write that carried it threw. */
    void store(T row) {
        var mine = new Waiting<>(row, new CompletableFuture<Void>());
        boolean lead;
        lock.lock();
        try {
            waiting.add(mine);
            lead = !writing;
            writing = true;
        } finally {
            lock.unlock();
        }
        if (lead) {
            writeUntilNoneWaits();
        }
        try {
            mine.stored().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private void writeUntilNoneWaits() {
        while (true) {
            List<Waiting<T>> batch;
            lock.lock();
            try {
                if (waiting.isEmpty()) {
                    writing = false;
                    return;
                }
                int size = Math.min(maxRows, waiting.size());
                batch = new ArrayList<>(waiting.subList(0, size));
                waiting.subList(0, size).clear();
            } finally {
                lock.unlock();
            }
            try {
                write.accept(batch.stream().map(Waiting::row).toList());
                batch.forEach(w -> w.stored().complete(null));
            } catch (RuntimeException e) {
                batch.forEach(w -> w.stored().completeExceptionally(e));
            }
        }
    }

    private record Waiting<T>(T row, CompletableFuture<Void> stored) {
    }
}
