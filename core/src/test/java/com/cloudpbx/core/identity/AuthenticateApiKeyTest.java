package com.cloudpbx.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CountingKeys keys = new CountingKeys();
    private final ApiKeyUsage usage = new ApiKeyUsage(keys);
    private final ApiKeyCache cache = new ApiKeyCache(Duration.ofSeconds(30), Duration.ofSeconds(5), clock);
    private final AuthenticateApiKey authenticate = new AuthenticateApiKey(keys, cache, usage, clock);
    private final SecureRandom random = new SecureRandom();

    @Test
    void an_active_key_authenticates_as_its_role_in_its_tenant() {
        TenantId tenant = TenantId.of(UUID.randomUUID());
        ApiKeySecret secret = store(tenant, ApiKeyStatus.ACTIVE, null);

        var principal = authenticate.authenticate(secret.value());

        assertThat(principal.role()).isEqualTo(Role.ADMIN);
        assertThat(principal.tenant()).isEqualTo(tenant);
    }

    @Test
    void repeated_requests_are_served_from_the_cache() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);

        for (int i = 0; i < 100; i++) {
            authenticate.authenticate(secret.value());
        }

        assertThat(keys.lookups).isEqualTo(1);
    }

    @Test
    void a_revoked_key_is_refused() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.REVOKED, null);

        assertUnauthorized(secret.value(), "revoked");
    }

    @Test
    void an_expired_key_is_refused() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, NOW.minusSeconds(1));

        assertUnauthorized(secret.value(), "expired");
    }

    @Test
    void an_unknown_or_malformed_key_is_refused() {
        assertUnauthorized(ApiKeySecret.generate(random).value(), "Invalid");
        assertUnauthorized("csk_live_nope", "Invalid");
    }

    @Test
    void use_is_recorded_without_a_write_until_flushed() {
        ApiKeySecret secret = store(TenantId.of(UUID.randomUUID()), ApiKeyStatus.ACTIVE, null);

        authenticate.authenticate(secret.value());
        assertThat(keys.writes).isEmpty();
        usage.flush();

        assertThat(keys.writes).hasSize(1);
        assertThat(keys.writes.get(0).values()).containsExactly(NOW);
    }

    private void assertUnauthorized(String credential, String reason) {
        assertThatThrownBy(() -> authenticate.authenticate(credential))
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
        public void update(ApiKey key) {
            byHash.put(key.keyHash(), key);
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
