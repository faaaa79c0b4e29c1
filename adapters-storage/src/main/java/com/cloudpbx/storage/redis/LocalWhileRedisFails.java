package com.cloudpbx.storage.redis;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a guard in Redis, or on this node alone while Redis fails: a throttle must neither refuse
 * everybody nor admit everybody because its store is away. The first failure switches to the local
 * answer and logs once; from then on one call a second tries Redis again (the others answer locally
 * at once, never waiting for a command timeout), and the first that succeeds switches back, logged
 * once too. While it lasts, each node counts what it sees itself: behind N nodes a client gets at
 * most N times its budget, as before Redis was shared.
 */
final class LocalWhileRedisFails {

    private static final Logger LOG = LoggerFactory.getLogger(LocalWhileRedisFails.class);
    static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    private final String what;
    private final String address;
    private final LongSupplier nanoTime;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong retryAt = new AtomicLong();

    /** @param what the guard, for the log ("login attempts") */
    LocalWhileRedisFails(String what, RedisConnections redis) {
        this(what, redis.address(), System::nanoTime);
    }

    LocalWhileRedisFails(String what, String address, LongSupplier nanoTime) {
        this.what = what;
        this.address = address;
        this.nanoTime = nanoTime;
    }

    /**
     * {@code shared}'s answer, or {@code local}'s while Redis fails. {@code shared} only asks Redis:
     * a {@link DomainException} it throws for anything but Redis being unavailable passes through.
     */
    <T> T call(Supplier<T> shared, Supplier<T> local) {
        if (failing.get()) {
            long at = retryAt.get();
            long now = nanoTime.getAsLong();
            if (now - at < 0 || !retryAt.compareAndSet(at, now + RETRY_EVERY.toNanos())) {
                return local.get();
            }
        }
        T answer;
        try {
            answer = shared.get();
        } catch (DomainException e) {
            if (e.kind() != ErrorKind.UNAVAILABLE) {
                throw e;
            }
            retryAt.set(nanoTime.getAsLong() + RETRY_EVERY.toNanos());
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Redis at {} fails; {} are counted on this node alone until it answers again", address, what);
            }
            return local.get();
        }
        if (failing.compareAndSet(true, false)) {
            LOG.info("Redis at {} answers again; {} are shared by every API node again", address, what);
        }
        return answer;
    }

    /** True while the local answers stand in for Redis. */
    boolean failing() {
        return failing.get();
    }
}
