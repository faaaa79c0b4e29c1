package com.cloudpbx.storage.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.identity.PasswordHasherContract;
import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bound wraps bcrypt in production: the pair keeps the port's contract, and the bound adds its own rules. */
class BoundedPasswordHasherTest extends PasswordHasherContract {

    private static final Duration QUEUE_WAIT = Duration.ofMillis(200);

    private final HeldHasher held = new HeldHasher();
    private final BoundedPasswordHasher hasher = new BoundedPasswordHasher(held, 1, QUEUE_WAIT);

    @AfterEach
    void release() {
        held.release.countDown();
    }

    @Override
    protected PasswordHasher newHasher() {
        return new BoundedPasswordHasher(new BcryptPasswordHasher(4), 2, Duration.ofSeconds(5));
    }

    @Test
    void aHashPastTheConcurrencyLimitIsRefusedAsRateLimitedAfterAShortWait() throws Exception {
        CompletableFuture.runAsync(() -> hasher.matches("first", "hash"));
        assertThat(held.started.await(5, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();

        assertThatThrownBy(() -> hasher.matches("second", "hash")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
            assertThat(e.retryAfter()).isPositive();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(QUEUE_WAIT.minusMillis(20));
    }

    @Test
    void aWaitingHashRunsWhenASlotFreesInTime() throws Exception {
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> hasher.matches("first", "hash"));
        assertThat(held.started.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> hasher.hash("second"));

        Thread.sleep(QUEUE_WAIT.toMillis() / 4);
        held.release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("hashed");
    }

    @Test
    void aFailedHashGivesItsSlotBack() {
        held.release.countDown();
        BoundedPasswordHasher failing = new BoundedPasswordHasher(new FailingHasher(), 1, QUEUE_WAIT);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> failing.hash("x")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void hashesRunOnPlatformThreadsOfTheirOwnSoAVirtualThreadCallerFreesItsCarrier() throws Exception {
        held.release.countDown();
        ThreadRecordingHasher recording = new ThreadRecordingHasher();
        BoundedPasswordHasher bounded = new BoundedPasswordHasher(recording, 1, QUEUE_WAIT);

        Thread caller = Thread.ofVirtual().start(() -> bounded.hash("x"));
        caller.join(5_000);

        assertThat(recording.thread).isNotNull();
        assertThat(recording.thread.isVirtual()).isFalse();
    }

    /** A server started and stopped many times in one JVM (tests, say) must not keep a pool per start. */
    @Test
    void itsHashingThreadsEndOnceIdle() throws Exception {
        held.release.countDown();
        ThreadRecordingHasher recording = new ThreadRecordingHasher();
        BoundedPasswordHasher bounded = new BoundedPasswordHasher(recording, 1, QUEUE_WAIT, Duration.ofMillis(100));

        bounded.hash("x");
        recording.thread.join(5_000);

        assertThat(recording.thread.isAlive()).isFalse();
    }

    /** Notes the thread it ran on. */
    private static final class ThreadRecordingHasher implements PasswordHasher {

        private volatile Thread thread;

        @Override
        public String hash(String password) {
            thread = Thread.currentThread();
            return "hashed";
        }

        @Override
        public boolean matches(String password, String hash) {
            thread = Thread.currentThread();
            return true;
        }
    }

    /** Blocks its first call until released. */
    private static final class HeldHasher implements PasswordHasher {

        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String hash(String password) {
            hold();
            return "hashed";
        }

        @Override
        public boolean matches(String password, String hash) {
            hold();
            return true;
        }

        private void hold() {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class FailingHasher implements PasswordHasher {

        @Override
        public String hash(String password) {
            throw new IllegalStateException("broken");
        }

        @Override
        public boolean matches(String password, String hash) {
            throw new IllegalStateException("broken");
        }
    }
}
