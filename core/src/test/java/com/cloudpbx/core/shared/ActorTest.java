package com.cloudpbx.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final TenantId HOME = TenantId.of(UUID.randomUUID());
    private static final TenantId OTHER = TenantId.of(UUID.randomUUID());

    @Test
    void aTenantPrincipalActsInItsOwnTenantWhenItNamesNone() {
        Actor actor = Actor.resolve(admin(), Optional.empty(), "127.0.0.1");

        assertThat(actor.tenantScope()).contains(HOME);
    }

    @Test
    void aTenantPrincipalMayNameItsOwnTenant() {
        assertThat(Actor.resolve(admin(), Optional.of(HOME), "127.0.0.1").tenant()).isEqualTo(HOME);
    }

    @Test
    void aTenantPrincipalNamingAnotherTenantIsForbidden() {
        assertThatThrownBy(() -> Actor.resolve(admin(), Optional.of(OTHER), "127.0.0.1"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }

    @Test
    void aSuperadminActsInTheTenantItNames() {
        assertThat(Actor.resolve(superadmin(), Optional.of(OTHER), "127.0.0.1").tenantScope()).contains(OTHER);
    }

    @Test
    void aSuperadminNamingNoTenantSeesEveryTenantButMustNameOneToCreate() {
        Actor actor = Actor.resolve(superadmin(), Optional.empty(), "127.0.0.1");

        assertThat(actor.tenantScope()).isEmpty();
        assertThat(actor.sees(OTHER)).isTrue();
        assertThatThrownBy(actor::requireTenant).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("TENANT_REQUIRED"));
    }

    @Test
    void aTenantActorDoesNotSeeAnotherTenantsRows() {
        Actor actor = Actor.resolve(admin(), Optional.empty(), "127.0.0.1");

        assertThat(actor.sees(HOME)).isTrue();
        assertThat(actor.sees(OTHER)).isFalse();
    }

    @Test
    void readonlyPrincipalsReadButDoNotWrite() {
        Actor actor = Actor.resolve(principal(Role.READONLY, Set.of()), Optional.empty(), "127.0.0.1");

        actor.require(Resource.EXTENSIONS, Access.READ);
        assertThatThrownBy(() -> actor.require(Resource.EXTENSIONS, Access.WRITE))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void readonlyPrincipalsCannotReadApiKeys() {
        Actor actor = Actor.resolve(principal(Role.READONLY, Set.of()), Optional.empty(), "127.0.0.1");

        assertThatThrownBy(() -> actor.require(Resource.API_KEYS, Access.READ)).isInstanceOf(DomainException.class);
    }

    @Test
    void scopesNarrowTheRole() {
        Principal scoped = principal(Role.ADMIN, Set.of(Scope.parse("calls:read", "scopes")));

        assertThat(scoped.may(Resource.CALLS, Access.READ)).isTrue();
        assertThat(scoped.may(Resource.CALLS, Access.WRITE)).isFalse();
        assertThat(scoped.may(Resource.EXTENSIONS, Access.READ)).isFalse();
    }

    @Test
    void aWriteScopeIncludesReading() {
        Principal scoped = principal(Role.ADMIN, Set.of(Scope.parse("extensions:write", "scopes")));

        assertThat(scoped.may(Resource.EXTENSIONS, Access.READ)).isTrue();
        assertThat(scoped.may(Resource.EXTENSIONS, Access.WRITE)).isTrue();
    }

    @Test
    void scopesNeverWidenARole() {
        Principal readonly = principal(Role.READONLY, Set.of(Scope.parse("extensions:write", "scopes")));

        assertThat(readonly.may(Resource.EXTENSIONS, Access.WRITE)).isFalse();
    }

    @Test
    void readonlyPrincipalsCannotReadSipCredentialsEvenWhenScopedToThem() {
        assertThat(principal(Role.READONLY, Set.of()).may(Resource.SIP_CREDENTIALS, Access.READ)).isFalse();
        assertThat(principal(Role.READONLY, Set.of(Scope.parse("sip-credentials:read", "scopes")))
                .may(Resource.SIP_CREDENTIALS, Access.READ)).isFalse();
    }

    @Test
    void readingExtensionsDoesNotGrantTheirSipCredentials() {
        Principal crm = principal(Role.ADMIN, Set.of(Scope.parse("extensions:read", "scopes")));

        assertThat(crm.may(Resource.SIP_CREDENTIALS, Access.READ)).isFalse();
    }

    @Test
    void anAdminKeyScopedToSipCredentialsReadsThemAndNothingElse() {
        Principal crm = principal(Role.ADMIN, Set.of(Scope.parse("sip-credentials:read", "scopes")));

        assertThat(crm.may(Resource.SIP_CREDENTIALS, Access.READ)).isTrue();
        assertThat(crm.may(Resource.EXTENSIONS, Access.WRITE)).isFalse();
        assertThat(crm.may(Resource.CALLS, Access.READ)).isFalse();
    }

    @Test
    void usersAndUnscopedAdminsReachSipCredentials() {
        var user = new Principal(UUID.randomUUID(), PrincipalKind.EXTENSION, Role.USER, HOME, UUID.randomUUID(),
                Set.of());

        assertThat(user.may(Resource.SIP_CREDENTIALS, Access.READ)).isTrue();
        assertThat(admin().may(Resource.SIP_CREDENTIALS, Access.READ)).isTrue();
    }

    @Test
    void aScopedPrincipalCoversOnlyKeysScopedWithinItsOwnScopes() {
        Principal keyManager = principal(Role.ADMIN, Set.of(Scope.parse("api-keys:write", "scopes"),
                Scope.parse("calls:write", "scopes")));

        assertThat(keyManager.covers(Role.ADMIN, Set.of())).as("an unscoped admin key").isFalse();
        assertThat(keyManager.covers(Role.ADMIN, Set.of(Scope.parse("extensions:read", "scopes")))).isFalse();
        assertThat(keyManager.covers(Role.READONLY, Set.of(Scope.parse("calls:read", "scopes")))).isTrue();
        assertThat(keyManager.covers(Role.ADMIN, Set.of(Scope.parse("api-keys:write", "scopes")))).isTrue();
    }

    @Test
    void onlyASuperadminCoversSuperadminKeys() {
        assertThat(admin().covers(Role.SUPERADMIN, Set.of())).isFalse();
        assertThat(admin().covers(Role.ADMIN, Set.of())).isTrue();
        assertThat(superadmin().covers(Role.SUPERADMIN, Set.of())).isTrue();
    }

    @Test
    void onlySuperadminsReachPlatformResources() {
        assertThat(principal(Role.ADMIN, Set.of()).may(Resource.TENANTS, Access.READ)).isFalse();
        assertThat(superadmin().may(Resource.TENANTS, Access.WRITE)).isTrue();
    }

    @Test
    void aUserOwnsOnlyItsExtension() {
        UUID own = UUID.randomUUID();
        var user = new Principal(UUID.randomUUID(), PrincipalKind.EXTENSION, Role.USER, HOME, own, Set.of());
        Actor actor = Actor.resolve(user, Optional.empty(), "127.0.0.1");

        assertThat(actor.ownsExtension(own)).isTrue();
        assertThat(actor.ownsExtension(UUID.randomUUID())).isFalse();
    }

    @Test
    void malformedScopesAreRefusedWithTheField() {
        assertThatThrownBy(() -> Scope.parse("calls:delete", "scopes[0]"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.details()).extracting(FieldIssue::field).containsExactly("scopes[0]"));
        assertThatThrownBy(() -> Scope.parse("nothing:read", "scopes[0]")).isInstanceOf(DomainException.class);
    }

    private static Principal admin() {
        return principal(Role.ADMIN, Set.of());
    }

    private static Principal principal(Role role, Set<Scope> scopes) {
        return new Principal(UUID.randomUUID(), PrincipalKind.API_KEY, role, HOME, null, scopes);
    }

    private static Principal superadmin() {
        return new Principal(UUID.randomUUID(), PrincipalKind.SUPERADMIN, Role.SUPERADMIN, null, null, Set.of());
    }
}
