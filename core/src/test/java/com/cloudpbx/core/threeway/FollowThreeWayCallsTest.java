package com.cloudpbx.core.threeway;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.RecordingMediaServer;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Following three-way sessions from media events, seen from the thread that delivers the events. */
class FollowThreeWayCallsTest {

    private final CountDownLatch storeAnswers = new CountDownLatch(1);
    private final CountDownLatch looked = new CountDownLatch(1);
    private final ExecutorService ordered = Executors.newSingleThreadExecutor();

    /** A session store on a database that has stopped answering, until the test lets it. */
    private final ThreeWaySessionStore stalled = new ThreeWaySessionStore() {
        @Override
        public Optional<ThreeWaySession> findByLeg(TenantId tenant, UUID leg) {
            return findByLegInAnyTenant(leg);
        }

        @Override
        public Optional<ThreeWaySession> findByLegInAnyTenant(UUID leg) {
            try {
                storeAnswers.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            looked.countDown();
            return Optional.empty();
        }

        @Override
        public Optional<ThreeWaySession> findByConference(TenantId tenant, String conference) {
            return Optional.empty();
        }

        @Override
        public boolean save(ThreeWaySession session, long expectedVersion) {
            return true;
        }

        @Override
        public boolean remove(ThreeWaySession session, long expectedVersion) {
            return true;
        }
    };

    private final FollowThreeWayCalls follow = new FollowThreeWayCalls(new RecordingMediaServer(),
            new RecordingMediaServer(), new ConferenceRooms(new SecureRandom()), new ThreeWayMachine(ModeratorHangupPolicy.BRIDGE), stalled,
            ordered);

    @AfterEach
    void release() {
        storeAnswers.countDown();
        ordered.shutdownNow();
    }

    @Test
    void theEventThreadDoesNotWaitForTheSessionStore() throws Exception {
        var hungUp = new MediaEvent.ChannelHungUp(UUID.randomUUID(), "NORMAL_CLEARING", 10, 8, Instant.now());

        CompletableFuture<Void> delivered = CompletableFuture.runAsync(() -> follow.accept(hungUp));

        delivered.get(1, TimeUnit.SECONDS);
        storeAnswers.countDown();
        assertThat(looked.await(5, TimeUnit.SECONDS)).as("the session is still looked up, off the event thread")
                .isTrue();
    }
}
