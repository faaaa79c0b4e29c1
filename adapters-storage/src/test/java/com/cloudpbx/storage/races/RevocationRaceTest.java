package com.cloudpbx.storage.races;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.ApiKey;
import com.cloudpbx.core.identity.ApiKeyCache;
import com.cloudpbx.core.identity.ApiKeyManagement;
import com.cloudpbx.core.identity.ApiKeyStatus;
import com.cloudpbx.core.identity.ApiKeyUsage;
import com.cloudpbx.core.identity.AuthenticateApiKey;
import com.cloudpbx.core.identity.FailedApiKeyLookups;
import com.cloudpbx.core.identity.IssuedApiKey;
import com.cloudpbx.core.identity.NewApiKey;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.memory.CaffeineAttemptWindows;
import com.cloudpbx.storage.memory.CaffeineCaches;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A regenerate racing a revoke on real PostgreSQL, many times over: whichever runs first, the key
 * ends revoked and no secret it ever had authenticates afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationRaceTest {

    private static final int ROUNDS = 60;
    private static final String CLIENT = "127.0.0.1";

    private final PostgresStorage storage = PostgresStorage.start();
    private final Clock clock = Clock.systemUTC();
    private final ApiKeyRepository keys = storage.bean(ApiKeyRepository.class);
    private final BoundedCaches caches = new CaffeineCaches(clock);
    private final ApiKeyCache cache = new ApiKeyCache(caches, Duration.ofMinutes(5), Duration.ofSeconds(5), 1_000);
    private final ApiKeyUsage usage = new ApiKeyUsage(keys);
    private final ApiKeyManagement management = new ApiKeyManagement(keys, storage.bean(TenantRepository.class),
            storage.bean(ExtensionRepository.class), cache, usage, storage.bean(Transactions.class),
            new AuditRecorder(storage.bean(AuditLog.class), clock), new SecureRandom(), clock);
    private final AuthenticateApiKey authenticate = new AuthenticateApiKey(keys, cache, usage,
            new FailedApiKeyLookups(new CaffeineAttemptWindows(clock), 1_000, clock), clock);
    private Actor admin;

    @BeforeAll
    void aTenantAndItsAdmin() {
        admin = RaceTenant.in(storage).admin();
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    @Test
    void aRegenerateRacingARevokeNeverBringsTheKeyBack() {
        for (int round = 0; round < ROUNDS; round++) {
            IssuedApiKey issued = management.create(admin, new NewApiKey("race-" + round, "admin", null, null, null,
                    null, null));
            UUID id = issued.key().id();
            List<String> secrets = new CopyOnWriteArrayList<>(List.of(issued.secret().value()));
            // Used once, so the cache holds the key as active when the race starts.
            authenticate.authenticate(issued.secret().value(), CLIENT);

            Races.together(
                    () -> regenerate(id).ifPresent(secrets::add),
                    () -> management.revoke(admin, id));

            assertThat(keys.findById(admin.tenant(), id)).get().extracting(ApiKey::status)
                    .as("round %d", round).isEqualTo(ApiKeyStatus.REVOKED);
            for (String secret : secrets) {
                assertThatThrownBy(() -> authenticate.authenticate(secret, CLIENT)).as("round %d", round)
                        .isInstanceOf(DomainException.class)
                        .extracting(e -> ((DomainException) e).kind())
                        .isEqualTo(ErrorKind.UNAUTHORIZED);
            }
        }
    }

    /** The new secret, or empty when the revoke came first and the regenerate was refused. */
    private Optional<String> regenerate(UUID id) {
        try {
            return Optional.of(management.regenerate(admin, id).secret().value());
        } catch (DomainException refused) {
            assertThat(refused.code()).isEqualTo("KEY_REVOKED");
            return Optional.empty();
        }
    }
}
