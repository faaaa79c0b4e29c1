package com.cloudpbx.storage.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.storage.testing.RedisServer;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;

/** API nodes' Redis connections for one test, all under the test's own key prefix; closed together. */
final class RedisNodes implements AutoCloseable {

    private final String prefix = RedisServer.uniquePrefix();
    private final List<RedisConnections> opened = new ArrayList<>();

    /** A node on the shared test Redis. */
    RedisConnections node() {
        return node(RedisServer.shared().url());
    }

    RedisConnections node(String url) {
        RedisConnections connections = new RedisConnections(new RedisSettings(url, prefix, 500));
        opened.add(connections);
        return connections;
    }

    /** The key as the adapters name it, for looking at what they stored. */
    String key(String kind, String... parts) {
        return new RedisKeys(prefix).of(kind, parts);
    }

    /**
     * Makes the server refuse every write (as it does when its replicas are gone) while it still
     * answers reads, or accept them again: Redis refusing a write without losing what it holds.
     */
    static void refuseWrites(RedisConnections redis, boolean refuse) {
        redis.await(redis.async().configSet("min-replicas-to-write", refuse ? "1" : "0"));
    }

    static void assertUnavailable(ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("BACKEND_UNAVAILABLE"));
    }

    /**
     * Runs the check until it passes (10 s at most): the node sends what waits once its connection is
     * back, which Lettuce re-establishes with a back-off of its own.
     */
    static void eventually(Runnable check) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | DomainException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        opened.reversed().forEach(RedisConnections::close);
    }
}
