package com.cloudpbx.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.BoundedCachesContract;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisEvictedCachesTest extends BoundedCachesContract {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final String prefix = RedisServer.uniquePrefix();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeNodes() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    @Override
    protected BoundedCaches newCaches(Clock clock) {
        return node(RedisServer.shared().url(), clock);
    }

    private RedisEvictedCaches node(String url, Clock clock) {
        RedisConnections redis = RedisTesting.connect(url, prefix);
        opened.add(redis);
        RedisEvictedCaches caches = new RedisEvictedCaches(redis, clock);
        opened.add(caches);
        return caches;
    }

    private RedisEvictedCaches node() {
        return node(RedisServer.shared().url(), Clock.systemUTC());
    }

    @Test
    void anInvalidationReachesTheCacheOfTheSameNameOnAnotherNodeWithinASecond() {
        BoundedCache<String, String> onA = node().create("api-keys", 100, TTL);
        BoundedCache<String, String> onB = node().create("api-keys", 100, TTL);
        onA.put("hash", "key");
        onB.put("hash", "key");

        long start = System.nanoTime();
        onA.invalidate("hash");

        assertThat(within(Duration.ofSeconds(1), () -> onB.getIfPresent("hash").isEmpty())).isTrue();
        System.out.printf("invalidation seen on the other node after %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void keysThatAreRecordsOrUuidsAreInvalidatedOnOtherNodesToo() {
        RedisEvictedCaches a = node();
        RedisEvictedCaches b = node();
        TenantId tenant = TenantId.of(UUID.randomUUID());
        UUID extension = UUID.randomUUID();
        PhoneNumber number = PhoneNumber.parse("+14155550100", "number");
        BoundedCache<TenantId, String> tenantsOnB = b.create("tenant-standings", 100, TTL);
        BoundedCache<UUID, String> holdersOnB = b.create("principal-standings", 100, TTL);
        BoundedCache<PhoneNumber, String> ownersOnB = b.create("routing-dids", 100, TTL);
        tenantsOnB.put(tenant, "active");
        holdersOnB.put(extension, "active");
        ownersOnB.put(number, "tenant");

        a.<TenantId, String>create("tenant-standings", 100, TTL).invalidate(tenant);
        a.<UUID, String>create("principal-standings", 100, TTL).invalidate(extension);
        a.<PhoneNumber, String>create("routing-dids", 100, TTL).invalidate(number);

        assertThat(within(Duration.ofSeconds(1), () -> tenantsOnB.getIfPresent(tenant).isEmpty()
                && holdersOnB.getIfPresent(extension).isEmpty() && ownersOnB.getIfPresent(number).isEmpty())).isTrue();
    }

    @Test
    void anInvalidationLeavesOtherCachesAndOtherKeysOnOtherNodes() throws Exception {
        RedisEvictedCaches a = node();
        RedisEvictedCaches b = node();
        BoundedCache<String, String> keysOnB = b.create("api-keys", 100, TTL);
        BoundedCache<String, String> unknownOnB = b.create("unknown-api-keys", 100, TTL);
        keysOnB.put("hash", "key");
        keysOnB.put("other", "key");
        unknownOnB.put("hash", "unknown");
        BoundedCache<String, String> keysOnA = a.create("api-keys", 100, TTL);

        keysOnA.invalidate("hash");

        assertThat(within(Duration.ofSeconds(1), () -> keysOnB.getIfPresent("hash").isEmpty())).isTrue();
        assertThat(keysOnB.getIfPresent("other")).contains("key");
        assertThat(unknownOnB.getIfPresent("hash")).contains("unknown");
    }

    @Test
    void whileRedisIsAwayAnInvalidationActsHereAndOtherNodesKeepTheirEntryUntilItExpires() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            BoundedCache<String, String> onA = node(own.url(), Clock.systemUTC()).create("api-keys", 100, TTL);
            BoundedCache<String, String> onB = node(own.url(), Clock.systemUTC()).create("api-keys", 100, TTL);
            onA.put("hash", "key");
            onB.put("hash", "key");
            own.stop();

            onA.invalidate("hash");

            assertThat(onA.getIfPresent("hash")).as("dropped here at once").isEmpty();
            Thread.sleep(500);
            assertThat(onB.getIfPresent("hash")).as("kept on the other node, until its lifetime ends").contains("key");

            own.start();
            onB.put("again", "key");
            boolean reached = within(Duration.ofSeconds(30), () -> {
                onA.invalidate("again");
                return onB.getIfPresent("again").isEmpty();
            });
            assertThat(reached).as("invalidations reach the other node again once Redis is back").isTrue();
        }
    }

    private static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
