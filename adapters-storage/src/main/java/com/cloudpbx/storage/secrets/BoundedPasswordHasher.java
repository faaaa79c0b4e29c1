package com.cloudpbx.storage.secrets;

import com.cloudpbx.core.identity.port.PasswordHasher;
import com.cloudpbx.core.shared.DomainException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Wraps another {@link PasswordHasher} (bcrypt) and lets at most {@code concurrency} password
 * hashes run at once (one per core in production): a hash is deliberately slow, and a flood of
 * logins from many addresses must not take every core from call control. A caller that finds every
 * slot busy waits up to {@code queueWait}, then is refused as rate-limited.
 * <p>
 * The hashes run on platform threads of their own. Requests run on virtual threads, and a virtual
 * thread that computes a hash holds its carrier thread until done: as many hashes as cores on the
 * carriers would leave no carrier for any other request. The operating system shares the cores
 * between these threads and the carriers instead, and the waiting caller frees its carrier. The
 * threads end when idle, so nothing needs shutting down.
 */
public final class BoundedPasswordHasher implements PasswordHasher {

    /** Hashing threads left idle this long end; the next hash starts one again. */
    private static final Duration IDLE_THREADS_END_AFTER = Duration.ofSeconds(30);

    private final PasswordHasher hasher;
    private final Semaphore slots;
    private final Duration queueWait;
    private final ExecutorService hashing;

    public BoundedPasswordHasher(PasswordHasher hasher, int concurrency, Duration queueWait) {
        this(hasher, concurrency, queueWait, IDLE_THREADS_END_AFTER);
    }

    BoundedPasswordHasher(PasswordHasher hasher, int concurrency, Duration queueWait, Duration idleThreadsEndAfter) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("at least one password hash must be allowed at a time");
        }
        this.hasher = hasher;
        this.slots = new Semaphore(concurrency, true);
        this.queueWait = queueWait;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(concurrency, concurrency, idleThreadsEndAfter.toMillis(),
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), hashingThreads());
        // Idle threads end, so a hasher that is dropped (its application context stopped) leaves none behind.
        pool.allowCoreThreadTimeOut(true);
        this.hashing = pool;
    }

    @Override
    public String hash(String password) {
        return bounded(() -> hasher.hash(password));
    }

    @Override
    public boolean matches(String password, String hash) {
        return bounded(() -> hasher.matches(password, hash));
    }

    private <T> T bounded(Supplier<T> work) {
        acquire();
        try {
            return await(hashing.submit(work::get));
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw DomainException.rateLimited(
                    "The server is busy checking passwords; retry after the seconds given in Retry-After", queueWait);
        }
    }

    private static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Password hashing failed", e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while a password was being hashed");
        }
    }

    private static ThreadFactory hashingThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "password-hash-" + count.incrementAndGet());
            // never holds the process open: a hash in progress is not worth waiting for at exit
            thread.setDaemon(true);
            return thread;
        };
    }
}
