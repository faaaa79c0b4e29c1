package com.cloudpbx.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.MapAttemptWindows;
import com.cloudpbx.core.shared.MapBoundedCaches;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.testing.MovableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class AuthenticateApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static final String ADDRESS = "203.0.113.9";
    private static final int FAILURES_PER_MINUTE = 5;

    private final MovableClock clock = new MovableClock(NOW);
    private final MapBoundedCaches caches = new MapBoundedCaches(clock);
    private final CountingKeys keys = new CountingKeys();
    private final ApiKeyUsage usage = new ApiKeyUsage(keys);
    private final ApiKeyCache cache = new ApiKeyCache(caches, Duration.ofSeconds(30), Duration.ofSeconds(5), 1_000);
    private final AuthenticateApiKey authenticate = new AuthenticateApiKey(keys, cache, usage,
            new FailedApiKeyLookups(new MapAttemptWindows(clock), FAILURES_PER_MINUTE, clock), clock);
    private final SecureRandom random = new SecureRandom();

    @Test
    void anActiveKeyAuthenticatesAsItsRoleInItsTenant() {
        TenantId tenant = TenantId.of(UUID.randomUUID());
        ApiKeySecret secret = store(tenant, ApiKeyStatus.ACTIVE, null);

        var principal = authenticate.authenticate(secret.value(), ADDRESS);

        assertThat(principal.role()).isEqualTo(Role.ADMIN);
        assertThat(principal.tenant()).isEqualTo(tenant);
    }

    @Test
    void repeatedRequestsAreServedFromTheCache() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);

        for (int i = 0; i < 100; i++) {
            authenticate.authenticate(secret.value(), ADDRESS);
        }

        assertThat(keys.lookups).isEqualTo(1);
    }

    @Test
    void aRevokedKeyIsRefused() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.REVOKED, null);

        assertUnauthorized(secret.value(), "revoked");
    }

    @Test
    void anExpiredKeyIsRefused() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, NOW.minusSeconds(1));

        assertUnauthorized(secret.value(), "expired");
    }

    @Test
    void anUnknownOrMalformedKeyIsRefused() {
        assertUnauthorized(ApiKeySecret.generate(random).value(), "Invalid");
        assertUnauthorized("csk_live_nope", "Invalid");
    }

    @Test
    void useIsRecordedWithoutAWriteUntilFlushed() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);

        authenticate.authenticate(secret.value(), ADDRESS);
        assertThat(keys.writes).isEmpty();
        usage.flush();

        assertThat(keys.writes).hasSize(1);
        assertThat(keys.writes.get(0).values()).containsExactly(NOW);
    }

    @Test
    void unknownKeysFromOneAddressPastTheLimitAreRefusedWithoutALookup() {
        presentUnknownKeys(FAILURES_PER_MINUTE, ADDRESS);
        int lookups = keys.lookups;

        assertThatThrownBy(() -> authenticate.authenticate(ApiKeySecret.generate(random).value(), ADDRESS))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
                });
        assertThat(keys.lookups).isEqualTo(lookups);
    }

    @Test
    void malformedKeysCountAsUnknownOnes() {
        for (int i = 0; i < FAILURES_PER_MINUTE; i++) {
            assertUnauthorized("csk_live_nope", "Invalid");
        }

        assertRateLimited(ApiKeySecret.generate(random).value(), ADDRESS);
    }

    @Test
    void aValidKeyFromAnotherAddressStillAuthenticatesWhileOneAddressIsRefused() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);
        presentUnknownKeys(FAILURES_PER_MINUTE, ADDRESS);

        assertRateLimited(secret.value(), ADDRESS);
        assertThat(authenticate.authenticate(secret.value(), "198.51.100.20").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aKeyInUseStillAuthenticatesFromAnAddressThatIsRefusedLookups() {
        ApiKeySecret inUse = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);
        ApiKeySecret neverUsed = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);
        authenticate.authenticate(inUse.value(), ADDRESS);
        presentUnknownKeys(FAILURES_PER_MINUTE, ADDRESS);

        assertThat(authenticate.authenticate(inUse.value(), ADDRESS).role()).isEqualTo(Role.ADMIN);
        assertRateLimited(neverUsed.value(), ADDRESS);
    }

    @Test
    void anAddressIsAdmittedAgainAMinuteAfterItsFirstFailure() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);
        presentUnknownKeys(FAILURES_PER_MINUTE, ADDRESS);

        clock.advance(Duration.ofSeconds(61));

        assertThat(authenticate.authenticate(secret.value(), ADDRESS).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void unknownKeysFromAddressesOfOneIpv6Slash64CountTogether() {
        for (int i = 1; i <= FAILURES_PER_MINUTE; i++) {
            presentUnknownKeys(1, "2001:db8:1:2::" + Integer.toHexString(i));
        }

        assertRateLimited(ApiKeySecret.generate(random).value(), "2001:db8:1:2:ffff::1");
    }

    @Test
    void knownKeysNeverCountAgainstTheAddress() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);

        for (int i = 0; i < FAILURES_PER_MINUTE * 3; i++) {
            authenticate.authenticate(secret.value(), ADDRESS);
        }

        presentUnknownKeys(FAILURES_PER_MINUTE, ADDRESS);
    }

    private void presentUnknownKeys(int count, String address) {
        for (int i = 0; i < count; i++) {
            String unknown = ApiKeySecret.generate(random).value();
            assertThatThrownBy(() -> authenticate.authenticate(unknown, address))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        }
    }

    private void assertRateLimited(String credential, String address) {
        assertThatThrownBy(() -> authenticate.authenticate(credential, address))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
    }

    @Test
    void aRecheckSeesARevocationTheCacheHasNotHeardOfAndForgetsTheKey() {
        TenantId tenant = TenantId.of(UUID.randomUUID());
        ApiKeySecret secret = store(tenant, ApiKeyStatus.ACTIVE, null);
        authenticate.authenticate(secret.value(), ADDRESS);
        ApiKey stored = keys.findByHash(secret.hash()).orElseThrow();
        keys.insert(stored.revoked());

        assertThatThrownBy(() -> authenticate.recheck(secret.value()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        assertUnauthorized(secret.value(), "revoked");
    }

    @Test
    void aRecheckOfAStandingKeyRecordsNoUse() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);

        assertThat(authenticate.recheck(secret.value()).role()).isEqualTo(Role.ADMIN);
        usage.flush();

        assertThat(keys.writes).isEmpty();
    }

    private void assertUnauthorized(String credential, String reason) {
        assertThatThrownBy(() -> authenticate.authenticate(credential, ADDRESS))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    private ApiKeySecret store(TenantId tenant, ApiKeyStatus status, Instant expiresAt) {
        ApiKeySecret secret = ApiKeySecret.generate(random);
        keys.insert(new ApiKey(UUID.randomUUID(), tenant, "key", Role.ADMIN, Set.of(), null, secret.hash(),
                secret.last8(), status, expiresAt, null, null, NOW));
        return secret;
    }

    /** Keys in a map, counting lookups and recording batched usage writes. */
    private static final class CountingKeys implements ApiKeyRepository {

        private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();
        private final List<Map<UUID, Instant>> writes = new ArrayList<>();
        private int lookups;

        @Override
        public void insert(ApiKey key) {
            byHash.put(key.keyHash(), key);
        }

        @Override
        public boolean replaceSecret(UUID id, String currentHash, String newHash, String newLast8) {
            throw new UnsupportedOperationException("authenticating never changes a key");
        }

        @Override
        public Optional<String> revoke(UUID id) {
            throw new UnsupportedOperationException("authenticating never changes a key");
        }

        @Override
        public Optional<ApiKey> findById(TenantId tenant, UUID id) {
            return findByIdInAnyTenant(id).filter(k -> tenant.equals(k.tenant()));
        }

        @Override
        public Optional<ApiKey> findByIdInAnyTenant(UUID id) {
            return byHash.values().stream().filter(k -> k.id().equals(id)).findFirst();
        }

        @Override
        public Optional<ApiKey> findByHash(String keyHash) {
            lookups++;
            return Optional.ofNullable(byHash.get(keyHash));
        }

        @Override
        public boolean existsActiveName(Optional<TenantId> tenant, String name) {
            return false;
        }

        @Override
        public List<ApiKey> list(Optional<TenantId> tenant) {
            return List.copyOf(byHash.values());
        }

        @Override
        public void recordLastUsed(Map<UUID, Instant> lastUse) {
            writes.add(Map.copyOf(lastUse));
        }
    }
}
