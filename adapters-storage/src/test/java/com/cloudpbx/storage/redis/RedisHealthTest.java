package com.cloudpbx.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.operations.BackendHealthContract;
import com.cloudpbx.core.operations.port.BackendHealth;
import com.cloudpbx.storage.testing.RedisServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisHealthTest extends BackendHealthContract {

    private static final String PASSWORD = "s3cret-redis-password";

    private final List<AutoCloseable> opened = new ArrayList<>();

    @Override
    protected BackendHealth healthy() {
        return new RedisHealth(connect(RedisServer.shared().url()));
    }

    @Override
    protected BackendHealth unreachable() {
        RedisServer own = RedisServer.startOwn(PASSWORD);
        opened.add(own);
        RedisConnections connections = connect(own.url());
        own.stop();
        return new RedisHealth(connections);
    }

    @Override
    protected String secret() {
        return PASSWORD;
    }

    @Test
    void aRedisThatCameBackIsHealthyAgainWithoutARestart() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            RedisHealth health = new RedisHealth(connect(own.url()));
            own.stop();
            assertThat(health.failure()).isPresent();
            own.start();
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (health.failure().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(health.failure()).isEmpty();
        }
    }

    @AfterAll
    void close() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    private RedisConnections connect(String url) {
        RedisConnections connections = new RedisConnections(new RedisSettings(url, RedisServer.uniquePrefix(), 500));
        opened.add(connections);
        return connections;
    }
}
