package com.cloudpbx.core.identity;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionRepository;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an authenticated principal into the actor of a request, checking that what the credential
 * stands for still stands: its account or extension exists and is active, and its tenant exists
 * and is not suspended. A token or key outlives none of them. Superadmins may act in a suspended
 * tenant to administer it. Each principal's standing is remembered for {@code ttl}, so a change
 * takes effect within that time without a query per request.
 */
public final class ResolveActor {

    private static final int MAX_REMEMBERED = 50_000;

    private final TenantRepository tenants;
    private final AccountRepository accounts;
    private final ExtensionRepository extensions;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<UUID, Standing> standings = new ConcurrentHashMap<>();

    public ResolveActor(TenantRepository tenants, AccountRepository accounts, ExtensionRepository extensions,
                        Clock clock, Duration ttl) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.extensions = extensions;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Actor resolve(Principal principal, Optional<TenantId> requested, String clientAddress) {
        Actor actor = Actor.resolve(principal, requested, clientAddress);
        standingOf(principal).refusal().ifPresent(refusal -> {
            throw refusal;
        });
        return actor;
    }

    private Standing standingOf(Principal principal) {
        Instant now = clock.instant();
        Standing standing = standings.get(principal.id());
        if (standing == null || !now.isBefore(standing.until())) {
            if (standings.size() >= MAX_REMEMBERED) {
                standings.clear();
            }
            standing = new Standing(check(principal), now.plus(ttl));
            standings.put(principal.id(), standing);
        }
        return standing;
    }

    private Optional<DomainException> check(Principal principal) {
        if (principal.kind() == PrincipalKind.SUPERADMIN || principal.kind() == PrincipalKind.ADMIN) {
            Optional<Account> account = accounts.findInScope(Optional.ofNullable(principal.tenant()), principal.id());
            if (account.isEmpty()) {
                return Optional.of(DomainException.unauthorized("This account no longer exists"));
            }
            if (account.get().status() != AccountStatus.ACTIVE) {
                return Optional.of(DomainException.forbidden("This account is disabled"));
            }
        }
        if (principal.extensionId() != null) {
            Optional<Extension> extension = extensions.findById(principal.tenant(), principal.extensionId());
            if (extension.isEmpty()) {
                return Optional.of(DomainException.unauthorized("The extension of this credential no longer exists"));
            }
            if (!extension.get().isActive()) {
                return Optional.of(DomainException.forbidden(
                        "Extension " + extension.get().number() + " is disabled"));
            }
        }
        if (principal.tenant() != null) {
            Optional<Tenant> tenant = tenants.findById(principal.tenant());
            if (tenant.isEmpty()) {
                return Optional.of(DomainException.unauthorized("The tenant of this credential no longer exists"));
            }
            if (!tenant.get().isActive()) {
                return Optional.of(DomainException.forbidden("The tenant " + tenant.get().companyName()
                        + " is suspended"));
            }
        }
        return Optional.empty();
    }

    private record Standing(Optional<DomainException> refusal, Instant until) {
    }
}
