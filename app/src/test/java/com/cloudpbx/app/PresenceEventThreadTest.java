package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PresenceEventThreadTest {

    @Test
    void stepsRunInTheOrderTheyCame() throws Exception {
        StringBuffer order = new StringBuffer();
        CountDownLatch done = new CountDownLatch(1);
        try (PresenceEventThread thread = new PresenceEventThread()) {
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
    void aStepThatFailsDoesNotStopTheNext() throws Exception {
        CountDownLatch next = new CountDownLatch(1);
        try (PresenceEventThread thread = new PresenceEventThread()) {
            thread.execute(() -> {
                throw new IllegalStateException("database away");
            });
            thread.execute(next::countDown);

            assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
