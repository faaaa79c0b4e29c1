package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThreeWayEventThreadTest {

    @Test
    void stepsBeyondTheBacklogWhileOneHangsAreDroppedInsteadOfHeldWithoutBound() throws Exception {
        CountDownLatch databaseBack = new CountDownLatch(1);
        CountDownLatch hanging = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try (ThreeWayEventThread thread = new ThreeWayEventThread()) {
            thread.execute(() -> {
                hanging.countDown();
                await(databaseBack);
            });
            assertThat(hanging.await(5, TimeUnit.SECONDS)).isTrue();

            for (int i = 0; i < ThreeWayEventThread.BACKLOG + 500; i++) {
                thread.execute(ran::incrementAndGet);
            }
            databaseBack.countDown();
            waitFor(() -> ran.get() >= ThreeWayEventThread.BACKLOG);
            CountDownLatch drained = new CountDownLatch(1);
            thread.execute(drained::countDown);
            assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(ran.get()).isEqualTo(ThreeWayEventThread.BACKLOG);
        }
    }

    @Test
    void stepsRunInTheOrderTheyCame() throws Exception {
        StringBuffer order = new StringBuffer();
        CountDownLatch done = new CountDownLatch(1);
        try (ThreeWayEventThread thread = new ThreeWayEventThread()) {
            for (int i = 0; i < 5; i++) {
                int step = i;
                thread.execute(() -> order.append(step));
            }
            thread.execute(done::countDown);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(order).hasToString("01234");
    }

    @Test
    void drainingRunsTheStepsStillWaitingAndTakesNoMore() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (ThreeWayEventThread thread = new ThreeWayEventThread()) {
            thread.execute(() -> sleep(200));
            for (int i = 0; i < 100; i++) {
                thread.execute(ran::incrementAndGet);
            }

            assertThat(thread.drain(java.time.Duration.ofSeconds(5))).isTrue();
            thread.execute(ran::incrementAndGet);

            assertThat(ran.get()).isEqualTo(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
