package com.cloudpbx.core.identity;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.CredentialStamp;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.shared.port.BoundedCaches;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an authenticated principal into the actor of a request, checking that what the credential
 * stands for still stands: its account or extension exists and is active, its tenant exists and is
 * not suspended, and, for a login token, that neither was invalidated since the token was issued
 * (a new password, a disable, a suspension: see {@link CredentialVersions}). A token or key
 * outlives none of them. Superadmins may act in a suspended tenant to administer it.
 * <p>
 * Each account's, extension's and tenant's standing is remembered for {@code ttl} in a
 * size-bounded cache: a change made on this node is seen at once (the use case making it calls
 * {@link #extensionChanged} or {@link #tenantChanged} after its commit), one made on another
 * node as soon as the caches carry that invalidation to this one (Redis), else within {@code ttl}.
 */
public final class ResolveActor {

    private static final long MAX_REMEMBERED = 50_000;

    private final TenantRepository tenants;
    private final AccountRepository accounts;
    private final ExtensionRepository extensions;
    private final CredentialVersions versions;
    private final BoundedCache<UUID, Standing> holders;
    private final BoundedCache<TenantId, Standing> tenantStandings;

    public ResolveActor(TenantRepository tenants, AccountRepository accounts, ExtensionRepository extensions,
                        CredentialVersions versions, BoundedCaches caches, Duration ttl) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.extensions = extensions;
        this.versions = versions;
        this.holders = caches.create("principal-standings", MAX_REMEMBERED, ttl);
        this.tenantStandings = caches.create("tenant-standings", MAX_REMEMBERED, ttl);
    }

    public Actor resolve(Principal principal, Optional<TenantId> requested, String clientAddress) {
        Actor actor = Actor.resolve(principal, requested, clientAddress);
        check(principal);
        return actor;
    }

    /**
     * Forgets what this node remembers of the extension: called once a change to it (deleted,
     * disabled, new password) is committed, never before, or a lookup racing the change could
     * remember the old state again.
     */
    public void extensionChanged(UUID extensionId) {
        holders.invalidate(extensionId);
    }

    /** The same for a tenant (suspended, reactivated, deleted). */
    public void tenantChanged(TenantId tenant) {
        tenantStandings.invalidate(tenant);
    }

    /** Gone comes first (401), then a token issued before an invalidation (401), then disabled (403). */
    private void check(Principal principal) {
        List<Standing> standings = standingsOf(principal);
        refusal(standings, ErrorKind.UNAUTHORIZED).ifPresent(gone -> {
            throw gone;
        });
        if (principal.kind() != PrincipalKind.API_KEY) {
            CredentialStamp issued = CredentialStamp.unpack(principal.credentialVersion());
            CredentialStamp current = stampOf(standings);
            if (issued.newerInAnyThan(current)) {
                // Issued after a change this node has not heard of yet: look again rather than refuse
                // it. Compared version by version: a stale tenant version must not be made up for
                // by a newer extension version.
                forget(principal);
                standings = standingsOf(principal);
                current = stampOf(standings);
            }
            if (!issued.equals(current)) {
                throw DomainException.unauthorized(
                        "This token was issued before its credentials changed; log in again");
            }
        }
        standings.stream().flatMap(s -> s.refusal().stream()).findFirst().ifPresent(refused -> {
            throw refused;
        });
    }

    private List<Standing> standingsOf(Principal principal) {
        List<Standing> standings = new ArrayList<>(2);
        if (principal.kind() == PrincipalKind.SUPERADMIN || principal.kind() == PrincipalKind.ADMIN) {
            standings.add(holders.get(principal.id(), id -> accountStanding(principal)));
        }
        if (principal.extensionId() != null) {
            standings.add(holders.get(principal.extensionId(), id -> extensionStanding(principal)));
        }
        if (principal.tenant() != null) {
            standings.add(tenantStandings.get(principal.tenant(), this::tenantStanding));
        }
        return standings;
    }

    private void forget(Principal principal) {
        holders.invalidate(principal.id());
        if (principal.extensionId() != null) {
            holders.invalidate(principal.extensionId());
        }
        if (principal.tenant() != null) {
            tenantStandings.invalidate(principal.tenant());
        }
    }

    private Standing accountStanding(Principal principal) {
        Optional<Account> account = accounts.findInScope(Optional.ofNullable(principal.tenant()), principal.id());
        if (account.isEmpty()) {
            return Standing.refused(DomainException.unauthorized("This account no longer exists"));
        }
        if (account.get().status() != AccountStatus.ACTIVE) {
            return Standing.refused(DomainException.forbidden("This account is disabled"));
        }
        return new Standing(Optional.empty(), CredentialStamp.NONE);
    }

    private Standing extensionStanding(Principal principal) {
        // The version first: a change committed between the two reads then shows as a newer status.
        long version = versions.ofExtension(principal.extensionId());
        Optional<Extension> extension = extensions.findById(principal.tenant(), principal.extensionId());
        if (extension.isEmpty()) {
            return Standing.refused(DomainException.unauthorized("The extension of this credential no longer exists"));
        }
        if (!extension.get().isActive()) {
            return new Standing(Optional.of(DomainException.forbidden(
                    "Extension " + extension.get().number() + " is disabled")), new CredentialStamp(0, version));
        }
        return new Standing(Optional.empty(), new CredentialStamp(0, version));
    }

    private Standing tenantStanding(TenantId id) {
        long version = versions.ofTenant(id);
        Optional<Tenant> tenant = tenants.findById(id);
        if (tenant.isEmpty()) {
            return Standing.refused(DomainException.unauthorized("The tenant of this credential no longer exists"));
        }
        if (!tenant.get().isActive()) {
            return new Standing(Optional.of(DomainException.forbidden(
                    "The tenant " + tenant.get().companyName() + " is suspended")), new CredentialStamp(version, 0));
        }
        return new Standing(Optional.empty(), new CredentialStamp(version, 0));
    }

    private static CredentialStamp stampOf(List<Standing> standings) {
        return standings.stream().map(Standing::version).reduce(CredentialStamp.NONE, CredentialStamp::and);
    }

    private static Optional<DomainException> refusal(List<Standing> standings, ErrorKind kind) {
        return standings.stream().flatMap(s -> s.refusal().stream()).filter(r -> r.kind() == kind).findFirst();
    }

    /** Why credentials of one account, extension or tenant are refused, if they are, and its version. */
    private record Standing(Optional<DomainException> refusal, CredentialStamp version) {

        static Standing refused(DomainException why) {
            return new Standing(Optional.of(why), CredentialStamp.NONE);
        }
    }
}
