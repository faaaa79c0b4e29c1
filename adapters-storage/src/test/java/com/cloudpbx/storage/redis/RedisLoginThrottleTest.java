package com.cloudpbx.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.identity.LoginLimits;
import com.cloudpbx.core.identity.LoginThrottleContract;
import com.cloudpbx.core.identity.port.LoginThrottle;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisLoginThrottleTest extends LoginThrottleContract {

    private static final int LIMIT = 3;

    private final String prefix = RedisServer.uniquePrefix();
    private final List<RedisConnections> opened = new ArrayList<>();

    @AfterEach
    void disconnect() {
        opened.forEach(RedisConnections::close);
    }

    @Override
    protected LoginThrottle newThrottle(int perAccount, int perAddress) {
        return node(RedisServer.shared().url(), perAccount, perAddress);
    }

    private RedisLoginThrottle node(String url, int perAccount, int perAddress) {
        RedisConnections redis = RedisTesting.connect(url, prefix);
        opened.add(redis);
        return new RedisLoginThrottle(redis, new LoginLimits(perAccount, perAddress, 1_000));
    }

    private static String account() {
        return "victim-" + UUID.randomUUID() + "@example.test";
    }

    @Test
    void attemptsThroughTwoNodesTakeFromOneAccountBudget() {
        LoginThrottle nodeA = newThrottle(LIMIT, 1_000);
        LoginThrottle nodeB = newThrottle(LIMIT, 1_000);
        String account = account();
        nodeA.acquire(account, "203.0.113.1");
        nodeB.acquire(account, "203.0.113.2");
        nodeA.acquire(account, "203.0.113.3");

        assertThatThrownBy(() -> nodeB.acquire(account, "203.0.113.4"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(21));
                });
    }

    @Test
    void theBudgetRefillsOverTheMinute() throws Exception {
        // 60 a minute: one token back every second.
        LoginThrottle throttle = newThrottle(60, 1_000_000);
        String account = account();
        for (int i = 0; i < 60; i++) {
            throttle.acquire(account, "203.0.113.1");
        }
        assertThatThrownBy(() -> throttle.acquire(account, "203.0.113.1")).isInstanceOf(DomainException.class);

        Thread.sleep(1_100);

        assertThatCode(() -> throttle.acquire(account, "203.0.113.1")).doesNotThrowAnyException();
    }

    @Test
    void aBucketIsForgottenAfterAMinuteOfRest() {
        RedisConnections redis = RedisTesting.connectShared(prefix);
        opened.add(redis);
        new RedisLoginThrottle(redis, new LoginLimits(LIMIT, LIMIT, 1_000)).acquire(account(), "203.0.113.9");

        List<String> keys = redis.await(redis.async().keys(prefix + ":login:*"));
        assertThat(keys).hasSize(2);
        for (String key : keys) {
            assertThat(redis.await(redis.async().pttl(key))).isBetween(50_000L, 60_000L);
        }
    }

    @Test
    void whileRedisIsAwayEachNodeThrottlesOnItsOwnAndSharesAgainOnceItAnswers() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            RedisLoginThrottle nodeA = node(own.url(), LIMIT, 1_000);
            RedisLoginThrottle nodeB = node(own.url(), LIMIT, 1_000);
            own.stop();
            String account = account();

            for (int i = 0; i < LIMIT; i++) {
                nodeA.acquire(account, "203.0.113.1");
            }

            assertThat(nodeA.countingLocally()).isTrue();
            assertThatThrownBy(() -> nodeA.acquire(account, "203.0.113.1"))
                    .as("node A still refuses past the limit").isInstanceOf(DomainException.class);
            assertThatCode(() -> nodeB.acquire(account, "203.0.113.1"))
                    .as("node B counts its own attempts").doesNotThrowAnyException();
            assertThatCode(() -> nodeA.acquire(account(), "203.0.113.1"))
                    .as("another account is let in").doesNotThrowAnyException();

            own.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean shared = false;
            while (!shared && System.nanoTime() < deadline) {
                Thread.sleep(200);
                String probe = account();
                nodeA.acquire(probe, "203.0.113.1");
                nodeA.acquire(probe, "203.0.113.1");
                nodeA.acquire(probe, "203.0.113.1");
                try {
                    nodeB.acquire(probe, "203.0.113.1");
                } catch (DomainException refusedThroughTheSharedBudget) {
                    shared = true;
                }
            }
            assertThat(shared).as("attempts through A count on B once Redis is back").isTrue();
            assertThat(nodeA.countingLocally()).isFalse();
        }
    }
}
