package com.cloudpbx.core.identity;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.ExtensionRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.Scope;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.Transactions;
import com.cloudpbx.core.shared.UtcDates;
import com.cloudpbx.core.tenants.TenantRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creates, lists, regenerates and revokes API keys; the full key is only ever in the create answer. */
public final class ApiKeyManagement {

    private static final String RESOURCE = "api_key";

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final ExtensionRepository extensions;
    private final ApiKeyCache cache;
    private final ApiKeyUsage usage;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final SecureRandom random;
    private final Clock clock;

    public ApiKeyManagement(ApiKeyRepository keys, TenantRepository tenants, ExtensionRepository extensions,
                            ApiKeyCache cache, ApiKeyUsage usage, Transactions transactions, AuditRecorder audit,
                            SecureRandom random, Clock clock) {
        this.keys = keys;
        this.tenants = tenants;
        this.extensions = extensions;
        this.cache = cache;
        this.usage = usage;
        this.transactions = transactions;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
    }

    public List<ApiKey> list(Actor actor) {
        actor.require(Resource.API_KEYS, Access.READ);
        return keys.list(actor.tenantScope()).stream().map(usage::withLatestUse).toList();
    }

    public ApiKey get(Actor actor, UUID id) {
        actor.require(Resource.API_KEYS, Access.READ);
        return usage.withLatestUse(visible(actor, id));
    }

    public IssuedApiKey create(Actor actor, NewApiKey request) {
        actor.require(Resource.API_KEYS, Access.WRITE);
        String name = Checks.requireText(request.name(), "name", 100);
        boolean global = Boolean.TRUE.equals(request.global());
        Role role = request.role() == null ? (global ? Role.SUPERADMIN : Role.ADMIN) : Role.parse(request.role(), "role");
        if ((global || role == Role.SUPERADMIN) && !actor.principal().isSuperadmin()) {
            throw DomainException.forbidden("Only a superadmin may create global or superadmin keys");
        }
        if (global != (role == Role.SUPERADMIN)) {
            throw DomainException.invalid("global", "a superadmin key is global (global: true), and only it");
        }
        Optional<TenantId> tenant = global ? Optional.empty() : Optional.of(tenantFor(actor, request.tenantId()));
        Set<Scope> scopes = scopes(actor, request.scopes());
        Instant expiresAt = expiry(request.expiresAt());
        UUID extensionId = role == Role.USER ? extensionFor(tenant.orElseThrow(), request.extension()) : null;
        if (role != Role.USER && request.extension() != null) {
            throw DomainException.invalid("extension", "only keys with role user act for an extension");
        }
        ApiKeySecret secret = ApiKeySecret.generate(random);
        var key = new ApiKey(UUID.randomUUID(), tenant.orElse(null), name, role, scopes, extensionId, secret.hash(),
                secret.last8(), ApiKeyStatus.ACTIVE, expiresAt, null, actor.principalId(), clock.instant());
        return transactions.inTransaction(() -> {
            if (keys.existsActiveName(tenant, name)) {
                throw DomainException.badRequest("DUPLICATE_NAME", "An active API key named '" + name + "' already exists");
            }
            keys.insert(key);
            audit.record(actor, key.tenant(), "create", RESOURCE, key.id());
            return new IssuedApiKey(key, secret);
        });
    }

    public IssuedApiKey regenerate(Actor actor, UUID id) {
        actor.require(Resource.API_KEYS, Access.WRITE);
        ApiKey current = visible(actor, id);
        if (current.status() == ApiKeyStatus.REVOKED) {
            throw DomainException.badRequest("KEY_REVOKED", "A revoked API key cannot be regenerated");
        }
        ApiKeySecret secret = ApiKeySecret.generate(random);
        ApiKey renewed = current.withSecret(secret);
        return transactions.inTransaction(() -> {
            keys.update(renewed);
            audit.record(actor, current.tenant(), "regenerate", RESOURCE, id);
            cache.evict(current.keyHash());
            return new IssuedApiKey(usage.withLatestUse(renewed), secret);
        });
    }

    public ApiKey revoke(Actor actor, UUID id) {
        actor.require(Resource.API_KEYS, Access.WRITE);
        ApiKey current = visible(actor, id);
        if (current.status() == ApiKeyStatus.REVOKED) {
            return current;
        }
        ApiKey revoked = current.revoked();
        return transactions.inTransaction(() -> {
            keys.update(revoked);
            audit.record(actor, current.tenant(), "revoke", RESOURCE, id);
            cache.evict(current.keyHash());
            return revoked;
        });
    }

    private TenantId tenantFor(Actor actor, UUID requested) {
        TenantId tenant = requested == null ? actor.requireTenant() : TenantId.of(requested);
        if (!actor.principal().isSuperadmin() && !tenant.equals(actor.tenant())) {
            throw DomainException.forbidden("This credential cannot create keys in tenant " + tenant);
        }
        tenants.findById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
        return tenant;
    }

    /** A scoped credential can only hand out scopes it holds itself. */
    private static Set<Scope> scopes(Actor actor, List<String> requested) {
        Set<Scope> scopes = new LinkedHashSet<>();
        if (requested != null) {
            for (int i = 0; i < requested.size(); i++) {
                scopes.add(Scope.parse(requested.get(i), "scopes[" + i + "]"));
            }
        }
        Set<Scope> own = actor.principal().scopes();
        if (!own.isEmpty() && (scopes.isEmpty()
                || !scopes.stream().allMatch(s -> own.stream().anyMatch(o -> o.grants(s.resource(), s.access()))))) {
            throw DomainException.forbidden("A scoped credential can only create keys within its own scopes");
        }
        return scopes;
    }

    private Instant expiry(String expiresAt) {
        if (expiresAt == null) {
            return null;
        }
        Instant at = UtcDates.startOf(expiresAt, "expiresAt");
        if (!at.isAfter(clock.instant())) {
            throw DomainException.invalid("expiresAt", "must be in the future");
        }
        return at;
    }

    private UUID extensionFor(TenantId tenant, String number) {
        if (number == null) {
            throw DomainException.invalid("extension", "a key with role user needs the extension number it acts for");
        }
        return extensions.findByNumber(tenant, ExtensionNumber.parse(number, "extension"))
                .orElseThrow(() -> DomainException.invalid("extension", "no extension " + number + " in this tenant"))
                .id();
    }

    private ApiKey visible(Actor actor, UUID id) {
        return keys.findInScope(actor.tenantScope(), id)
                .filter(k -> k.tenant() == null ? actor.principal().isSuperadmin() && actor.tenant() == null
                        : actor.sees(k.tenant()))
                .orElseThrow(() -> DomainException.notFound("API key"));
    }
}
