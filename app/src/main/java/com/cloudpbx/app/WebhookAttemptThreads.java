package com.cloudpbx.app;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Webhook attempts, each on a virtual thread of its own: an attempt blocks on its receiver for up
 * to the timeouts, and thousands waiting cost a few kilobytes each. How many run at once is bounded
 * by the delivery limits, not here.
 */
public final class WebhookAttemptThreads implements Executor {

    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-attempt-", 0).factory());

    @Override
    public void execute(Runnable attempt) {
        threads.execute(attempt);
    }

    /** Takes no more attempts and waits up to {@code atMost} for those under way; true when they all ended. */
    public boolean shutdown(Duration atMost) throws InterruptedException {
        threads.shutdown();
        return threads.awaitTermination(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }
}
