package com.cloudpbx.storage.postgres.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroupedWritesTest {

    @Test
    void aWriteAloneIsStoredBeforeTheCallReturns() {
        List<List<Integer>> writes = new ArrayList<>();
        var grouped = new GroupedWrites<Integer>(10, writes::add);

        grouped.store(7);

        assertThat(writes).containsExactly(List.of(7));
    }

    @Test
    void writesWaitingTogetherAreStoredInFewerStatementsThanCalls() throws Exception {
        List<List<Integer>> writes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteHeld = new CountDownLatch(1);
        CountDownLatch othersWaiting = new CountDownLatch(1);
        var grouped = new GroupedWrites<Integer>(100, rows -> {
            if (writes.isEmpty()) {
                firstWriteHeld.countDown();
                await(othersWaiting);
            }
            writes.add(rows);
        });
        ExecutorService threads = Executors.newFixedThreadPool(9);
        try {
            List<Future<?>> calls = new ArrayList<>();
            calls.add(threads.submit(() -> grouped.store(0)));
            await(firstWriteHeld);
            for (int i = 1; i <= 8; i++) {
                int row = i;
                calls.add(threads.submit(() -> grouped.store(row)));
            }
            Thread.sleep(200);
            othersWaiting.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(writes).hasSize(2);
        assertThat(writes.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aFailedWriteFailsEveryCallWhoseRowItCarried() {
        var failure = new IllegalStateException("the database is unreachable");
        var grouped = new GroupedWrites<Integer>(10, rows -> {
            throw failure;
        });

        assertThatThrownBy(() -> grouped.store(1)).isSameAs(failure);
    }

    @Test
    void aWriteNeverCarriesMoreRowsThanItsLimit() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        var grouped = new GroupedWrites<Integer>(3, rows -> sizes.add(rows.size()));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int row = i;
                calls.add(threads.submit(() -> grouped.store(row)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 3));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
