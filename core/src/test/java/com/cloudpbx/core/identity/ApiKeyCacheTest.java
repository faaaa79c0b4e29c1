package com.cloudpbx.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.MapBoundedCaches;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiKeyCacheTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final int MAXIMUM_SIZE = 1_000;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ApiKeyCache cache = new ApiKeyCache(new MapBoundedCaches(clock), Duration.ofSeconds(30),
            Duration.ofSeconds(5), MAXIMUM_SIZE);

    @Test
    void aFloodOfUnknownKeysDoesNotMakeTheCacheForgetKnownKeys() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key = new ApiKey(UUID.randomUUID(), TenantId.of(UUID.randomUUID()), "key", Role.ADMIN, Set.of(), null,
                secret.hash(), secret.last8(), ApiKeyStatus.ACTIVE, null, null, null, NOW);
        AtomicInteger lookups = new AtomicInteger();
        cache.get(key.keyHash(), hash -> {
            lookups.incrementAndGet();
            return Optional.of(key);
        });

        for (int i = 0; i < MAXIMUM_SIZE * 5; i++) {
            cache.get(ApiKeySecret.hashOf("unknown-" + i), hash -> Optional.empty());
        }
        cache.get(key.keyHash(), hash -> {
            lookups.incrementAndGet();
            return Optional.of(key);
        });

        assertThat(lookups).hasValue(1);
    }

    @Test
    void aFloodOfUnknownKeysHoldsNoMoreThanTheBound() {
        for (int i = 0; i < MAXIMUM_SIZE * 5; i++) {
            cache.get(ApiKeySecret.hashOf("unknown-" + i), hash -> Optional.empty());
        }

        assertThat(cache.estimatedSize()).isEqualTo(MAXIMUM_SIZE);
    }

    @Test
    void anUnknownKeyIsLookedUpOnceWhileRemembered() {
        AtomicInteger lookups = new AtomicInteger();
        String hash = ApiKeySecret.hashOf("unknown");

        for (int i = 0; i < 10; i++) {
            cache.get(hash, h -> {
                lookups.incrementAndGet();
                return Optional.empty();
            });
        }

        assertThat(lookups).hasValue(1);
    }

    /**
     * A revoke commits, then evicts: a lookup that read the key before the commit must not put
     * it back after the eviction, or the revoked key would authenticate on until the entry expires.
     */
    @Test
    void aKeyEvictedWhileItIsBeingLookedUpIsNotRememberedAfterwards() throws Exception {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key = new ApiKey(UUID.randomUUID(), TenantId.of(UUID.randomUUID()), "key", Role.ADMIN, Set.of(), null,
                secret.hash(), secret.last8(), ApiKeyStatus.ACTIVE, null, null, null, NOW);
        CountDownLatch readFromStore = new CountDownLatch(1);
        CountDownLatch lookupMayFinish = new CountDownLatch(1);
        Thread lookup = Thread.ofPlatform().start(() -> cache.get(key.keyHash(), hash -> {
            readFromStore.countDown();
            await(lookupMayFinish);
            return Optional.of(key);
        }));
        assertThat(readFromStore.await(5, TimeUnit.SECONDS)).isTrue();

        Thread revoke = Thread.ofPlatform().start(() -> cache.evict(key.keyHash()));
        revoke.join(200);
        lookupMayFinish.countDown();
        lookup.join(5_000);
        revoke.join(5_000);

        assertThat(cache.remembered(key.keyHash())).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
