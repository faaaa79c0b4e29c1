package com.cloudpbx.core.identity;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.adminKey;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.globalKey;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.Scope;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyRepository} does; each adapter's test extends this. */
public abstract class ApiKeyRepositoryContract {

    private ApiKeyRepository keys;
    private TenantRepository tenants;
    private ExtensionRepository extensions;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract ApiKeyRepository newRepository();

    /** Tenants of the same store: every key but a global one belongs to one. */
    protected abstract TenantRepository tenants();

    /** Extensions of the same store: user keys act for one. */
    protected abstract ExtensionRepository extensions();

    @BeforeEach
    void startEmpty() {
        keys = newRepository();
        tenants = tenants();
        extensions = extensions();
    }

    @Test
    void aScopedExpiringKeyIsFoundByIdAndHashWithEveryField() {
        TenantId acme = newTenant("Acme");
        UUID id = UUID.randomUUID();
        var key = new ApiKey(id, acme, "Reporting", Role.READONLY,
                Set.of(new Scope(Resource.CALLS, Access.READ), new Scope(Resource.RECORDINGS, Access.WRITE),
                        new Scope(Resource.API_KEYS, Access.READ)),
                null, "hash-" + id, "ab12cd34", ApiKeyStatus.ACTIVE, T0.plus(30, ChronoUnit.DAYS),
                T0.plusSeconds(5), UUID.randomUUID(), T0);

        keys.insert(key);

        assertThat(keys.findById(acme, id)).contains(key);
        assertThat(keys.findByHash("hash-" + id)).contains(key);
    }

    @Test
    void aGlobalKeyHasNoTenant() {
        ApiKey global = globalKey("platform", T0);

        keys.insert(global);

        assertThat(keys.findByIdInAnyTenant(global.id())).contains(global);
    }

    @Test
    void anotherTenantsKeyIsNotFoundById() {
        TenantId acme = newTenant("Acme");
        ApiKey acmes = adminKey(acme, "crm", T0);
        keys.insert(acmes);

        assertThat(keys.findById(newTenant("Globex"), acmes.id())).isEmpty();
        assertThat(keys.findInScope(Optional.of(acme), acmes.id())).contains(acmes);
        assertThat(keys.findInScope(Optional.empty(), acmes.id())).contains(acmes);
    }

    @Test
    void aGlobalKeyIsNotFoundInATenant() {
        ApiKey global = globalKey("platform", T0);
        keys.insert(global);

        assertThat(keys.findById(newTenant("Acme"), global.id())).isEmpty();
    }

    @Test
    void aUserKeyActsForItsExtension() {
        TenantId acme = newTenant("Acme");
        Extension desk = extension(acme, "1001");
        extensions.insert(desk);
        UUID id = UUID.randomUUID();
        var key = new ApiKey(id, acme, "Desk phone", Role.USER, Set.of(new Scope(Resource.PRESENCE, Access.WRITE)),
                desk.id(), "hash-" + id, "zz99yy88", ApiKeyStatus.ACTIVE, null, null, null, T0);

        keys.insert(key);

        assertThat(keys.findById(acme, id)).contains(key);
    }

    @Test
    void unknownIdsAndHashesAreNotFound() {
        keys.insert(adminKey(newTenant("Acme"), "crm", T0));

        assertThat(keys.findByIdInAnyTenant(UUID.randomUUID())).isEmpty();
        assertThat(keys.findByHash("no-such-hash")).isEmpty();
    }

    @Test
    void replacingTheSecretSwapsHashAndLastEight() {
        ApiKey original = adminKey(newTenant("Acme"), "crm", T0);
        keys.insert(original);

        assertThat(keys.replaceSecret(original.id(), original.keyHash(), "new-hash", "newlast8")).isTrue();

        var renewed = new ApiKey(original.id(), original.tenant(), original.name(), original.role(),
                original.scopes(), original.extensionId(), "new-hash", "newlast8", ApiKeyStatus.ACTIVE,
                original.expiresAt(), original.lastUsedAt(), original.createdBy(), original.createdAt());
        assertThat(keys.findById(original.tenant(), original.id())).contains(renewed);
        assertThat(keys.findByHash("new-hash")).contains(renewed);
        assertThat(keys.findByHash(original.keyHash())).isEmpty();
    }

    @Test
    void aRevokedKeyGetsNoNewSecret() {
        ApiKey original = adminKey(newTenant("Acme"), "crm", T0);
        keys.insert(original);
        keys.revoke(original.id());

        assertThat(keys.replaceSecret(original.id(), original.keyHash(), "new-hash", "newlast8")).isFalse();

        assertThat(keys.findById(original.tenant(), original.id())).get().extracting(ApiKey::status, ApiKey::keyHash)
                .containsExactly(ApiKeyStatus.REVOKED, original.keyHash());
    }

    @Test
    void aSecretReplacedMeanwhileIsNotReplacedAgain() {
        ApiKey original = adminKey(newTenant("Acme"), "crm", T0);
        keys.insert(original);
        keys.replaceSecret(original.id(), original.keyHash(), "first-hash", "first--8");

        assertThat(keys.replaceSecret(original.id(), original.keyHash(), "second-hash", "second-8")).isFalse();

        assertThat(keys.findById(original.tenant(), original.id())).get().extracting(ApiKey::keyHash).isEqualTo("first-hash");
    }

    @Test
    void revokingAnswersTheSecretRevokedOnlyTheFirstTime() {
        ApiKey original = adminKey(newTenant("Acme"), "crm", T0);
        keys.insert(original);

        assertThat(keys.revoke(original.id())).contains(original.keyHash());
        assertThat(keys.revoke(original.id())).isEmpty();
        assertThat(keys.revoke(UUID.randomUUID())).isEmpty();
        assertThat(keys.findById(original.tenant(), original.id())).contains(original.revoked());
    }

    @Test
    void activeNamesAreUniqueWithinATenantIgnoringCase() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        keys.insert(adminKey(acme, "CRM sync", T0));

        assertThat(keys.existsActiveName(Optional.of(acme), "CRM sync")).isTrue();
        assertThat(keys.existsActiveName(Optional.of(acme), "crm SYNC")).isTrue();
        assertThat(keys.existsActiveName(Optional.of(acme), "billing")).isFalse();
        assertThat(keys.existsActiveName(Optional.of(globex), "CRM sync")).isFalse();
        assertThat(keys.existsActiveName(Optional.empty(), "CRM sync")).isFalse();
    }

    @Test
    void globalKeysHaveANamespaceOfTheirOwn() {
        TenantId acme = newTenant("Acme");
        keys.insert(globalKey("ops", T0));

        assertThat(keys.existsActiveName(Optional.empty(), "ops")).isTrue();
        assertThat(keys.existsActiveName(Optional.of(acme), "ops")).isFalse();
    }

    @Test
    void aRevokedKeyFreesItsName() {
        TenantId acme = newTenant("Acme");
        ApiKey old = adminKey(acme, "crm", T0);
        keys.insert(old);

        keys.revoke(old.id());

        assertThat(keys.existsActiveName(Optional.of(acme), "crm")).isFalse();
        ApiKey successor = adminKey(acme, "crm", T0.plusSeconds(1));
        keys.insert(successor);
        assertThat(keys.findById(successor.tenant(), successor.id())).contains(successor);
    }

    @Test
    void aTenantsListHoldsOnlyItsKeysNewestFirst() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        ApiKey older = adminKey(acme, "older", T0);
        ApiKey newest = adminKey(acme, "newest", T0.plusSeconds(20));
        ApiKey middle = adminKey(acme, "middle", T0.plusSeconds(10));
        keys.insert(older);
        keys.insert(newest);
        keys.insert(adminKey(globex, "theirs", T0.plusSeconds(15)));
        keys.insert(middle);

        assertThat(keys.list(Optional.of(acme))).containsExactly(newest, middle, older);
    }

    @Test
    void theListWithoutTenantHoldsEveryKeyNewestFirst() {
        TenantId acme = newTenant("Acme");
        ApiKey tenantKey = adminKey(acme, "crm", T0);
        ApiKey global = globalKey("ops", T0.plusSeconds(1));
        keys.insert(tenantKey);
        keys.insert(global);

        assertThat(keys.list(Optional.empty())).containsExactly(global, tenantKey);
    }

    @Test
    void recordLastUsedMovesManyKeysForwardAtOnce() {
        TenantId acme = newTenant("Acme");
        ApiKey first = adminKey(acme, "first", T0);
        ApiKey second = adminKey(acme, "second", T0);
        ApiKey untouched = adminKey(acme, "untouched", T0);
        keys.insert(first);
        keys.insert(second);
        keys.insert(untouched);
        Instant firstUse = T0.plusSeconds(100);
        Instant secondUse = T0.plusSeconds(200);

        keys.recordLastUsed(Map.of(first.id(), firstUse, second.id(), secondUse, UUID.randomUUID(), secondUse));

        assertThat(keys.findByIdInAnyTenant(first.id()).orElseThrow().lastUsedAt()).isEqualTo(firstUse);
        assertThat(keys.findByIdInAnyTenant(second.id()).orElseThrow().lastUsedAt()).isEqualTo(secondUse);
        assertThat(keys.findByIdInAnyTenant(untouched.id()).orElseThrow().lastUsedAt()).isNull();
    }

    @Test
    void recordLastUsedNeverMovesBack() {
        ApiKey key = adminKey(newTenant("Acme"), "crm", T0);
        keys.insert(key);
        Instant later = T0.plusSeconds(500);
        keys.recordLastUsed(Map.of(key.id(), later));

        keys.recordLastUsed(Map.of(key.id(), T0.plusSeconds(100)));
        keys.recordLastUsed(Map.of());

        assertThat(keys.findByIdInAnyTenant(key.id()).orElseThrow().lastUsedAt()).isEqualTo(later);
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }
}
