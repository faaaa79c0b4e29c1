package com.cloudpbx.core.identity;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.identity.port.ApiKeyRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.Scope;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.UtcDates;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.port.TenantRepository;
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
        Set<Scope> scopes = scopes(role, request.scopes());
        requireWithinOwn(actor, role, scopes);
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
        requireWithinOwn(actor, current.role(), current.scopes());
        if (current.status() == ApiKeyStatus.REVOKED) {
            throw DomainException.badRequest("KEY_REVOKED", "A revoked API key cannot be regenerated");
        }
        ApiKeySecret secret = ApiKeySecret.generate(random);
        ApiKey renewed = current.withSecret(secret);
        IssuedApiKey issued = transactions.inTransaction(() -> {
            if (!keys.replaceSecret(id, current.keyHash(), secret.hash(), secret.last8())) {
                throw changedMeanwhile(current);
            }
            audit.record(actor, current.tenant(), "regenerate", RESOURCE, id);
            return new IssuedApiKey(usage.withLatestUse(renewed), secret);
        });
        // Only after the commit: a lookup racing an eviction inside the transaction would read the
        // old secret, still committed, and remember it again.
        cache.evict(current.keyHash());
        return issued;
    }

    public ApiKey revoke(Actor actor, UUID id) {
        actor.require(Resource.API_KEYS, Access.WRITE);
        ApiKey current = visible(actor, id);
        requireWithinOwn(actor, current.role(), current.scopes());
        if (current.status() == ApiKeyStatus.REVOKED) {
            return current;
        }
        // The secret revoked is the one stored at that moment, which a racing regenerate may have replaced.
        Optional<String> revokedSecret = transactions.inTransaction(() -> {
            Optional<String> hash = keys.revoke(id);
            hash.ifPresent(h -> audit.record(actor, current.tenant(), "revoke", RESOURCE, id));
            return hash;
        });
        revokedSecret.ifPresent(cache::evict);
        return keys.findInScope(Optional.ofNullable(current.tenant()), id).map(usage::withLatestUse).orElseThrow(() -> DomainException.notFound("API key"));
    }

    /** Why a write conditional on the key as read found it changed. */
    private DomainException changedMeanwhile(ApiKey read) {
        Optional<ApiKey> now = keys.findInScope(Optional.ofNullable(read.tenant()), read.id());
        if (now.isEmpty()) {
            return DomainException.notFound("API key");
        }
        if (now.get().status() == ApiKeyStatus.REVOKED) {
            return DomainException.badRequest("KEY_REVOKED", "A revoked API key cannot be regenerated");
        }
        return DomainException.conflict("KEY_CHANGED",
                "The API key was regenerated by another request meanwhile; regenerate it again if needed");
    }

    private TenantId tenantFor(Actor actor, UUID requested) {
        TenantId tenant = requested == null ? actor.requireTenant() : TenantId.of(requested);
        if (!actor.principal().isSuperadmin() && !tenant.equals(actor.tenant())) {
            throw DomainException.forbidden("This credential cannot create keys in tenant " + tenant);
        }
        tenants.findById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
        return tenant;
    }

    /** Parsed scopes; one the key's role can never use (readonly with sip-credentials:read, say) is refused. */
    private static Set<Scope> scopes(Role role, List<String> requested) {
        Set<Scope> scopes = new LinkedHashSet<>();
        if (requested != null) {
            for (int i = 0; i < requested.size(); i++) {
                Scope scope = Scope.parse(requested.get(i), "scopes[" + i + "]");
                if (!role.allows(scope.resource(), Access.READ)) {
                    throw DomainException.invalid("scopes[" + i + "]", "a key with role " + role.wireName()
                            + " can never reach " + scope.resource().wireName());
                }
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /**
     * The one rule for creating, regenerating and revoking: a credential only acts on keys that can
     * do no more than itself, so a scoped key cannot mint, take over or switch off a wider one.
     */
    private static void requireWithinOwn(Actor actor, Role role, Set<Scope> scopes) {
        if (!actor.principal().covers(role, scopes)) {
            throw DomainException.forbidden(
                    "This credential can only manage keys within its own role and scopes");
        }
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
