package com.cloudpbx.core.identity;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.Optional;

/** Answers "who am I": the principal behind a token or key, as it is now. */
public final class DescribeMe {

    private final AccountRepository accounts;
    private final ExtensionRepository extensions;
    private final ApiKeyRepository keys;
    private final TenantRepository tenants;

    public DescribeMe(AccountRepository accounts, ExtensionRepository extensions, ApiKeyRepository keys,
                      TenantRepository tenants) {
        this.accounts = accounts;
        this.extensions = extensions;
        this.keys = keys;
        this.tenants = tenants;
    }

    public Me describe(Actor actor) {
        Principal principal = actor.principal();
        Tenant tenant = actor.tenantScope().flatMap(tenants::findById).orElse(null);
        String extension = Optional.ofNullable(principal.extensionId()).flatMap(id -> extensions.findById(principal.tenant(), id))
                .map(e -> e.number().value()).orElse(null);
        return switch (principal.kind()) {
            case SUPERADMIN, ADMIN -> {
                Account account = accounts.findInScope(Optional.ofNullable(principal.tenant()), principal.id())
                        .orElseThrow(() -> DomainException.unauthorized("This account no longer exists"));
                yield new Me(principal, account.displayName(), account.email().value(), null, null, tenant);
            }
            case EXTENSION -> {
                Extension own = extensions.findById(principal.tenant(), principal.id())
                        .orElseThrow(() -> DomainException.unauthorized("This extension no longer exists"));
                yield new Me(principal, own.displayName(), null, extension, null, tenant);
            }
            case API_KEY -> {
                ApiKey key = keys.findInScope(Optional.ofNullable(principal.tenant()), principal.id())
                        .orElseThrow(() -> DomainException.unauthorized("This API key no longer exists"));
                yield new Me(principal, key.name(), null, extension, key.name(), tenant);
            }
        };
    }
}
