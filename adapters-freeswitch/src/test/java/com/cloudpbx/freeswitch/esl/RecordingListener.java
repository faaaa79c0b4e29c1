package com.cloudpbx.freeswitch.esl;

import com.cloudpbx.freeswitch.esl.codec.EslEvent;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what a client reported; can be told to block, like a stuck consumer. */
final class RecordingListener implements EslListener {

    final BlockingQueue<EslEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<EslUnavailable> disconnects = new LinkedBlockingQueue<>();
    final AtomicInteger connects = new AtomicInteger();
    private final BlockingQueue<Integer> connectSignals = new LinkedBlockingQueue<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public void onEvent(EslConnection from, EslEvent event) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.add(event);
    }

    @Override
    public void onConnected(EslConnection to) {
        connectSignals.add(connects.incrementAndGet());
    }

    @Override
    public void onDisconnected(EslConnection from, EslUnavailable cause) {
        disconnects.add(cause);
    }

    void block() {
        gate = new CountDownLatch(1);
    }

    void unblock() {
        gate.countDown();
    }

    /** Waits for the n-th onConnected. */
    void awaitConnects(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connects.get() < n) {
            if (connectSignals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) == null) {
                throw new AssertionError("onConnected was called " + connects.get() + " times, expected " + n);
            }
        }
    }

    EslEvent nextEvent(Duration timeout) throws InterruptedException {
        EslEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + timeout);
        }
        return event;
    }

    EslUnavailable nextDisconnect(Duration timeout) throws InterruptedException {
        EslUnavailable cause = disconnects.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (cause == null) {
            throw new AssertionError("no onDisconnected within " + timeout);
        }
        return cause;
    }
}
