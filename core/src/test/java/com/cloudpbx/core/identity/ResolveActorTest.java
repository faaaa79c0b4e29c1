package com.cloudpbx.core.identity;

import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static com.cloudpbx.core.testing.StoreSamples.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.shared.CredentialStamp;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.EmailAddress;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.MapBoundedCaches;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a credential stands for, checked on every request: tokens issued before their extension's
 * or tenant's credentials changed are refused, this node hears of its own changes at once and of
 * other nodes' within the cache's lifetime, and the cache is a bounded LRU.
 */
class ResolveActorTest {

    private static final Duration TTL = Duration.ofSeconds(10);
    private static final Optional<TenantId> OWN_TENANT = Optional.empty();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:30:00Z"));
    private final Tenant acme = tenant("Acme");
    private final List<Tenant> tenantRows = new ArrayList<>(List.of(acme));
    private final MapExtensions extensions = new MapExtensions();
    private final MapVersions versions = new MapVersions();
    private final ResolveActor resolve = new ResolveActor(new ListTenants(tenantRows), new NoAccounts(), extensions,
            versions, new MapBoundedCaches(clock), TTL);
    private final Extension phone = extensions.add(extension(acme.id(), "1001"));

    @Test
    void aTokenIssuedUnderTheCurrentVersionsActs() {
        versions.advanceExtension(phone.id());

        assertThatCode(() -> resolve.resolve(token(phone, 1), OWN_TENANT, "client")).doesNotThrowAnyException();
    }

    @Test
    void aTokenIssuedBeforeANewPasswordIsRefusedWith401() {
        Principal issued = token(phone, 0);
        resolve.resolve(issued, OWN_TENANT, "client");

        versions.advanceExtension(phone.id());
        resolve.extensionChanged(phone.id());

        assertThat(refusal(issued).kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
    }

    @Test
    void aTokenIssuedBeforeItsTenantWasSuspendedStaysRefusedAfterReactivation() {
        Principal issued = token(phone, 0);
        versions.advanceTenant(acme.id());
        resolve.tenantChanged(acme.id());

        assertThat(refusal(issued).kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        assertThatCode(() -> resolve.resolve(token(phone, new CredentialStamp(1, 0).packed()), OWN_TENANT, "client"))
                .doesNotThrowAnyException();
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceTheRememberedStandingExpires() {
        Principal issued = token(phone, 0);
        resolve.resolve(issued, OWN_TENANT, "client");
        versions.advanceExtension(phone.id());

        assertThatCode(() -> resolve.resolve(issued, OWN_TENANT, "client"))
                .as("within the cache's lifetime, without being told").doesNotThrowAnyException();
        clock.advance(TTL);
        assertThat(refusal(issued).kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
    }

    @Test
    void aDisableOnThisNodeIsSeenAtOnce() {
        Principal key = userKey(phone);
        resolve.resolve(key, OWN_TENANT, "client");

        extensions.add(withStatus(phone, ExtensionStatus.DISABLED));
        resolve.extensionChanged(phone.id());

        assertThat(refusal(key).kind()).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void aTokenNewerThanWhatThisNodeRemembersIsCheckedAgainRatherThanRefused() {
        resolve.resolve(token(phone, 0), OWN_TENANT, "client");
        versions.advanceExtension(phone.id());

        assertThatCode(() -> resolve.resolve(token(phone, 1), OWN_TENANT, "client")).doesNotThrowAnyException();
    }

    /**
     * This node remembers the tenant from before a suspension made elsewhere, and reads the
     * extension fresh after a password change made elsewhere: the token was issued between the
     * two, so the stale tenant and the fresh extension must not add up to what it carries.
     */
    @Test
    void aStaleTenantVersionDoesNotMakeATokenIssuedBeforeANewPasswordValid() {
        Extension other = extensions.add(extension(acme.id(), "1002"));
        resolve.resolve(token(other, 0), OWN_TENANT, "client");
        versions.advanceTenant(acme.id());
        Principal issued = token(phone, new CredentialStamp(1, 0).packed());
        versions.advanceExtension(phone.id());

        assertThat(refusal(issued)).as("refused").isNotNull();
        assertThat(refusal(issued).kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
    }

    @Test
    void apiKeysAreCheckedByTheirOwnStatusNotByVersions() {
        versions.advanceExtension(phone.id());
        versions.advanceTenant(acme.id());

        assertThatCode(() -> resolve.resolve(userKey(phone), OWN_TENANT, "client")).doesNotThrowAnyException();
    }

    @Test
    void aFloodOfPrincipalsEvictsTheLeastRecentlyUsedNotEverything() {
        Principal regular = token(phone, 0);
        resolve.resolve(regular, OWN_TENANT, "client");
        for (int i = 0; i < 60_000; i++) {
            Extension other = extensions.add(new Extension(UUID.randomUUID(), acme.id(), phone.number(),
                    "Other", "v1:x", false, null, false, true, true, null, ExtensionStatus.ACTIVE, null, null,
                    phone.presence(), phone.createdAt(), phone.updatedAt()));
            resolve.resolve(token(other, 0), OWN_TENANT, "client");
            if (i % 1_000 == 0) {
                resolve.resolve(regular, OWN_TENANT, "client");
            }
        }

        assertThat(extensions.lookupsOf(phone.id())).as("lookups of the regular caller's extension").isEqualTo(1);
    }

    private DomainException refusal(Principal principal) {
        return catchThrowableOfType(DomainException.class, () -> resolve.resolve(principal, OWN_TENANT, "client"));
    }

    private static Principal token(Extension extension, long version) {
        return new Principal(extension.id(), PrincipalKind.EXTENSION, Role.USER, extension.tenant(), extension.id(),
                Set.of(), version);
    }

    private static Principal userKey(Extension extension) {
        return new Principal(UUID.randomUUID(), PrincipalKind.API_KEY, Role.USER, extension.tenant(), extension.id(),
                Set.of());
    }

    /** Extensions by id, counting lookups per id. */
    private static final class MapExtensions implements ExtensionRepository {

        private final Map<UUID, Extension> byId = new HashMap<>();
        private final Map<UUID, Integer> lookups = new HashMap<>();

        Extension add(Extension extension) {
            byId.put(extension.id(), extension);
            return extension;
        }

        int lookupsOf(UUID id) {
            return lookups.getOrDefault(id, 0);
        }

        @Override
        public Optional<Extension> findById(TenantId tenant, UUID id) {
            return findByIdInAnyTenant(id).filter(extension -> extension.tenant().equals(tenant));
        }

        @Override
        public Optional<Extension> findByIdInAnyTenant(UUID id) {
            lookups.merge(id, 1, Integer::sum);
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public void insert(Extension extension) {
            add(extension);
        }

        @Override
        public boolean update(Extension before, Extension after) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(TenantId tenant, UUID id) {
            byId.remove(id);
        }

        @Override
        public Optional<Extension> lockInScope(Optional<TenantId> scope, UUID id) {
            return findInScope(scope, id);
        }

        @Override
        public Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean existsNumber(TenantId tenant, ExtensionNumber number) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Extension> list(Optional<TenantId> tenant) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class MapVersions implements CredentialVersions {

        private final Map<Object, Long> versions = new HashMap<>();

        @Override
        public long ofExtension(UUID extensionId) {
            return versions.getOrDefault(extensionId, 0L);
        }

        @Override
        public long ofTenant(TenantId tenant) {
            return versions.getOrDefault(tenant, 0L);
        }

        @Override
        public void advanceExtension(UUID extensionId) {
            versions.merge(extensionId, 1L, Long::sum);
        }

        @Override
        public void advanceTenant(TenantId tenant) {
            versions.merge(tenant, 1L, Long::sum);
        }
    }

    /** These tests have no admin accounts. */
    private static final class NoAccounts implements AccountRepository {

        @Override
        public void insert(Account account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Account> findByEmail(EmailAddress email) {
            return Optional.empty();
        }

        @Override
        public Optional<Account> findById(TenantId tenant, UUID id) {
            return Optional.empty();
        }

        @Override
        public Optional<Account> findByIdInAnyTenant(UUID id) {
            return Optional.empty();
        }

        @Override
        public boolean existsEmail(EmailAddress email) {
            return false;
        }

        @Override
        public boolean anySuperadmin() {
            return false;
        }

        @Override
        public void recordLogin(UUID id, Instant at) {
        }
    }
}
