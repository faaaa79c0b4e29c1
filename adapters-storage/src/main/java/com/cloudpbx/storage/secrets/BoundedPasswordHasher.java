package com.cloudpbx.storage.secrets;

import com.cloudpbx.core.identity.PasswordHasher;
import com.cloudpbx.core.shared.DomainException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Wraps another {@link PasswordHasher} (bcrypt) and lets at most {@code concurrency} password hashes run at once (one per core in production): a
 * hash is deliberately slow, and a flood of logins from many addresses must not take every core
 * from call control. A caller that finds every slot busy waits up to {@code queueWait}, then is
 * refused as rate-limited, to retry after about that long.
 */
public final class BoundedPasswordHasher implements PasswordHasher {

    private final PasswordHasher hasher;
    private final Semaphore slots;
    private final Duration queueWait;

    public BoundedPasswordHasher(PasswordHasher hasher, int concurrency, Duration queueWait) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("at least one password hash must be allowed at a time");
        }
        this.hasher = hasher;
        this.slots = new Semaphore(concurrency, true);
        this.queueWait = queueWait;
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
            return work.get();
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
}
