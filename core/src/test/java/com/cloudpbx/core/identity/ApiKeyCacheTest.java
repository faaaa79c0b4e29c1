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
}
