package com.cloudpbx.storage.redis;

import static com.cloudpbx.storage.redis.RedisNodes.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.ParkSlotsContract;
import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisParkSlotsTest extends ParkSlotsContract {

    private final RedisNodes nodes = new RedisNodes();
    private final TenantId acme = TenantId.of(UUID.randomUUID());

    @Override
    protected ParkSlots newSlots() {
        return new RedisParkSlots(nodes.node());
    }

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void aClaimIsTheLegsUuidUnderTheTenantsSlotKeyExpiring() {
        RedisConnections redis = nodes.node();
        UUID leg = UUID.randomUUID();

        new RedisParkSlots(redis).claim(acme, "701", leg);

        String key = redis.keys().ofTenant(acme, "park", "701");
        assertThat(redis.await(redis.async().get(key))).isEqualTo(leg.toString());
        assertThat(redis.await(redis.async().pttl(key))).isBetween(Duration.ofHours(11).toMillis(), Duration.ofHours(12).toMillis());
    }

    @Test
    void ofManyThreadsOnTwoNodesClaimingTheSameSlotsEachSlotGoesToExactlyOneLeg() throws Exception {
        List<ParkSlots> twoNodes = List.of(new RedisParkSlots(nodes.node()), new RedisParkSlots(nodes.node()));
        int slots = 20;
        int threads = 16;
        Map<String, List<UUID>> winners = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                ParkSlots node = twoNodes.get(t % 2);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int s = 0; s < slots; s++) {
                        UUID leg = UUID.randomUUID();
                        if (node.claim(acme, String.valueOf(700 + s), leg)) {
                            winners.computeIfAbsent(String.valueOf(700 + s), k -> new ArrayList<>()).add(leg);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(winners).hasSize(slots);
        winners.forEach((slot, legs) -> {
            assertThat(legs).as("slot %s", slot).hasSize(1);
            assertThat(twoNodes.get(0).parkedIn(acme, slot)).contains(legs.getFirst());
            assertThat(twoNodes.get(1).parkedIn(acme, slot)).contains(legs.getFirst());
        });
    }

    @Test
    void whileRedisIsDownAClaimIsRefusedWith503AndTheNodeStillKnowsItsOwnClaims() {
        try (RedisServer own = RedisServer.startOwn()) {
            ParkSlots slots = new RedisParkSlots(nodes.node(own.url()));
            UUID parked = UUID.randomUUID();
            slots.claim(acme, "701", parked);
            own.stop();

            assertUnavailable(() -> slots.claim(acme, "702", UUID.randomUUID()));
            assertThat(slots.parkedIn(acme, "701")).contains(parked);
            assertUnavailable(() -> slots.parkedIn(acme, "703"));
        }
    }

    @Test
    void aReleaseSentLateNeverFreesASlotParkedAnewForAnotherLeg() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            ParkSlots slots = new RedisParkSlots(nodes.node(own.url()));
            ParkSlots other = new RedisParkSlots(nodes.node(own.url()));
            slots.claim(acme, "701", UUID.randomUUID());
            slots.claim(acme, "702", UUID.randomUUID());
            own.stop();
            slots.release(acme, "701");
            slots.release(acme, "702");
            own.start();
            // Restarted empty: the slot is parked anew by another node before this node's release arrives.
            UUID parkedAnew = UUID.randomUUID();
            RedisNodes.eventually(() -> assertThat(other.claim(acme, "702", parkedAnew)).isTrue());

            RedisNodes.eventually(() -> {
                slots.parkedIn(acme, "709");
                assertThat(other.parkedIn(acme, "702")).contains(parkedAnew);
            });
            assertThat(slots.parkedIn(acme, "702")).contains(parkedAnew);
        }
    }

    @Test
    void aReleaseRedisRefusedFreesASlotAnotherNodeClaimedOnceRedisTakesWritesAgain() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            RedisConnections redis = nodes.node(own.url());
            ParkSlots commanding = new RedisParkSlots(nodes.node(own.url()));
            ParkSlots tracking = new RedisParkSlots(redis);
            commanding.claim(acme, "701", UUID.randomUUID());
            RedisNodes.refuseWrites(redis, true);

            tracking.release(acme, "701");

            RedisNodes.refuseWrites(redis, false);
            RedisNodes.eventually(() -> {
                tracking.parkedIn(acme, "709");
                assertThat(commanding.parkedIn(acme, "701")).isEmpty();
            });
        }
    }

    @Test
    void aClaimRedisRefusesIsRefusedWith503AndLeavesTheSlotFree() {
        try (RedisServer own = RedisServer.startOwn()) {
            RedisConnections redis = nodes.node(own.url());
            ParkSlots slots = new RedisParkSlots(redis);
            RedisNodes.refuseWrites(redis, true);

            assertUnavailable(() -> slots.claim(acme, "701", UUID.randomUUID()));

            RedisNodes.refuseWrites(redis, false);
            assertThat(new RedisParkSlots(nodes.node(own.url())).parkedIn(acme, "701")).isEmpty();
        }
    }

    @Test
    void aReleaseRedisRefusedFreesTheSlotOnceRedisTakesWritesAgain() throws Exception {
        try (RedisServer own = RedisServer.startOwn()) {
            RedisConnections redis = nodes.node(own.url());
            ParkSlots slots = new RedisParkSlots(redis);
            UUID parked = UUID.randomUUID();
            slots.claim(acme, "701", parked);
            RedisNodes.refuseWrites(redis, true);

            slots.release(acme, "701");

            ParkSlots other = new RedisParkSlots(nodes.node(own.url()));
            assertThat(other.parkedIn(acme, "701")).contains(parked);
            RedisNodes.refuseWrites(redis, false);
            RedisNodes.eventually(() -> {
                slots.parkedIn(acme, "709");
                assertThat(other.parkedIn(acme, "701")).isEmpty();
            });
        }
    }
}
