package com.cloudpbx.core.webhooks;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the delivery loop when there may be work: an event was stored, or an attempt finished and
 * freed a slot. Signals made while the loop works are kept (one suffices), so none is missed.
 */
public final class DeliveryDemand {

    private final Semaphore signalled = new Semaphore(0);

    public void signal() {
        if (signalled.availablePermits() == 0) {
            signalled.release();
        }
    }

    /** Returns when signalled or after {@code atMost}; true when signalled. */
    public boolean await(Duration atMost) throws InterruptedException {
        boolean woken = signalled.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        signalled.drainPermits();
        return woken;
    }
}
