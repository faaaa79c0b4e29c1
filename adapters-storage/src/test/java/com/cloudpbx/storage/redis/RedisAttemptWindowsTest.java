package com.cloudpbx.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.AttemptWindowsContract;
import com.cloudpbx.core.shared.port.AttemptWindows;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisAttemptWindowsTest extends AttemptWindowsContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Clock clock = Clock.systemUTC();
    private final String prefix = RedisServer.uniquePrefix();
    private final RedisConnections redis = RedisTesting.connectShared(prefix);

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Override
    protected AttemptWindows newWindows() {
        return new RedisAttemptWindows(redis, clock);
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected void elapse(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void attemptsThroughTwoNodesAddUp() {
        try (RedisConnections other = RedisTesting.connectShared(prefix)) {
            AttemptWindows nodeA = new RedisAttemptWindows(redis, clock);
            AttemptWindows nodeB = new RedisAttemptWindows(other, clock);
            String key = "k:" + UUID.randomUUID();

            nodeA.count(key, MINUTE);
            nodeB.count(key, MINUTE);
            nodeA.count(key, MINUTE);

            assertThat(nodeB.current(key)).hasValueSatisfying(w -> assertThat(w.attempts()).isEqualTo(3));
        }
    }

    @Test
    void whileRedisIsAwayEachNodeCountsOnItsOwnAndSharesAgainOnceItAnswers() throws Exception {
        try (RedisServer own = RedisServer.startOwn();
             RedisConnections first = RedisTesting.connect(own.url(), prefix);
             RedisConnections second = RedisTesting.connect(own.url(), prefix)) {
            AttemptWindows nodeA = new RedisAttemptWindows(first, clock);
            AttemptWindows nodeB = new RedisAttemptWindows(second, clock);
            String key = "k:" + UUID.randomUUID();
            nodeA.count(key, MINUTE);

            own.stop();
            nodeA.count(key, MINUTE);
            nodeA.count(key, MINUTE);

            assertThat(nodeA.current(key)).as("counted on node A alone")
                    .hasValueSatisfying(w -> assertThat(w.attempts()).isEqualTo(2));
            assertThat(nodeB.current(key)).as("node B saw none of them").isEmpty();

            own.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long shared = 0;
            while (shared < 2 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                String probe = "probe:" + UUID.randomUUID();
                nodeA.count(probe, MINUTE);
                shared = nodeB.count(probe, MINUTE).attempts();
            }
            assertThat(shared).as("an attempt through A and one through B in one window, once Redis is back")
                    .isEqualTo(2);
        }
    }
}
