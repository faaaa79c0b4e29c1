package com.cloudpbx.core.routing;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.routing.port.TrunkGateways;
import com.cloudpbx.core.routing.port.TrunkRepository;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SIP trunks, a superadmin's resource: created, changed and removed in the store, and made
 * (re)loaded by the media server. Reads show each gateway's live status when the media server
 * answers, and no status (never an error) when it does not.
 */
public final class TrunkManagement {

    private static final String RESOURCE = "trunk";

    private final TrunkRepository trunks;
    private final TenantRepository tenants;
    private final TrunkGateways gateways;
    private final SecretCipher cipher;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;
    private final ConfigurationChanges changes;

    public TrunkManagement(TrunkRepository trunks, TenantRepository tenants, TrunkGateways gateways,
                           SecretCipher cipher, Transactions transactions, AuditRecorder audit, Clock clock,
                           ConfigurationChanges changes) {
        this.changes = changes;
        this.trunks = trunks;
        this.tenants = tenants;
        this.gateways = gateways;
        this.cipher = cipher;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public List<TrunkView> list(Actor actor) {
        requireSuperadmin(actor, Access.READ);
        Map<TenantId, Tenant> named = tenants.findAll().stream()
                .collect(Collectors.toMap(Tenant::id, Function.identity()));
        List<SipTrunk> all = trunks.list();
        Map<UUID, GatewayStatus> statuses = statuses(all);
        return all.stream().map(trunk -> new TrunkView(trunk, trunk.tenant() == null ? null : named.get(trunk.tenant()),
                statuses.get(trunk.id()))).toList();
    }

    public TrunkView get(Actor actor, UUID id) {
        requireSuperadmin(actor, Access.READ);
        return view(found(id));
    }

    public CreatedTrunk create(Actor actor, NewTrunk request) {
        requireSuperadmin(actor, Access.WRITE);
        String name = TrunkFields.name(request.name());
        String provider = TrunkFields.provider(request.provider());
        TenantId tenant = tenant(request.tenantId());
        String proxy = TrunkFields.proxy(request.proxy());
        String username = TrunkFields.username(request.username());
        String password = TrunkFields.password(request.password());
        String transport = request.transport() == null ? TrunkFields.DEFAULT_TRANSPORT
                : TrunkFields.transport(request.transport());
        List<String> codecs = request.codecs() == null ? TrunkFields.DEFAULT_CODECS
                : TrunkFields.codecs(request.codecs());
        boolean register = request.register() == null || request.register();
        int maxChannels = request.maxChannels() == null ? TrunkFields.DEFAULT_MAX_CHANNELS
                : TrunkFields.maxChannels(request.maxChannels());
        boolean active = request.status() == null || TrunkFields.active(request.status());
        requireCredentials(register, username, password);
        Instant now = clock.instant();
        var trunk = new SipTrunk(UUID.randomUUID(), tenant, name, provider, proxy, username,
                password == null ? null : cipher.encrypt(password), transport, codecs, register, maxChannels, active,
                now, now);
        transactions.run(() -> {
            requireTenantExists(tenant);
            requireUniqueName(name, trunk.id());
            trunks.insert(trunk);
            audit.record(actor, tenant, "create", RESOURCE, trunk.id());
        });
        signal(trunk);
        trySync(trunk);
        return new CreatedTrunk(view(trunk), password);
    }

    public TrunkView update(Actor actor, UUID id, TrunkChanges changes) {
        requireSuperadmin(actor, Access.WRITE);
        SipTrunk updated = transactions.inTransaction(() -> {
            SipTrunk current = found(id);
            SipTrunk next = applied(current, changes);
            requireTenantExists(next.tenant());
            requireUniqueName(next.name(), id);
            if (!trunks.update(next)) {
                throw DomainException.notFound("Trunk");
            }
            audit.record(actor, next.tenant(), "update", RESOURCE, id);
            return next;
        });
        signal(updated);
        trySync(updated);
        return view(updated);
    }

    public SipTrunk delete(Actor actor, UUID id) {
        requireSuperadmin(actor, Access.WRITE);
        SipTrunk deleted = transactions.inTransaction(() -> {
            SipTrunk current = found(id);
            trunks.delete(id);
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        });
        signal(deleted);
        try {
            gateways.remove(deleted.gatewayName());
        } catch (DomainException mediaServerDown) {
            // The gateway stays loaded until the media server rescans or restarts; the trunk is gone either way.
        }
        return deleted;
    }

    /** Makes the media server reload the gateway now; 503 when it cannot be reached. */
    /**
     * A tenant's own trunk is its outside calls' way out, so its routing reads the change at once; a
     * global trunk serves every tenant, whose plans read it at their next background reload.
     */
    private void signal(SipTrunk trunk) {
        if (trunk.tenant() != null) {
            changes.changed(trunk.tenant());
        }
    }

    public GatewayStatus sync(Actor actor, UUID id) {
        requireSuperadmin(actor, Access.WRITE);
        SipTrunk trunk = found(id);
        gateways.sync(trunk);
        audit.record(actor, trunk.tenant(), "sync", RESOURCE, id);
        return gateways.status(trunk.gatewayName());
    }

    private SipTrunk applied(SipTrunk current, TrunkChanges changes) {
        String name = changes.name().present() ? TrunkFields.name(changes.name().value()) : current.name();
        String provider = changes.provider().present() ? TrunkFields.provider(changes.provider().value())
                : current.provider();
        TenantId tenant = changes.tenantId().present() ? tenant(changes.tenantId().value()) : current.tenant();
        String proxy = changes.proxy().present() ? TrunkFields.proxy(changes.proxy().value()) : current.proxy();
        String username = changes.username().present() ? TrunkFields.username(changes.username().value())
                : current.username();
        String passwordEncrypted = current.passwordEncrypted();
        boolean hasPassword = passwordEncrypted != null;
        if (changes.password().present()) {
            String password = TrunkFields.password(changes.password().value());
            passwordEncrypted = password == null ? null : cipher.encrypt(password);
            hasPassword = password != null;
        }
        String transport = changes.transport().present() ? TrunkFields.transport(changes.transport().value())
                : current.transport();
        List<String> codecs = changes.codecs().present() ? TrunkFields.codecs(changes.codecs().value())
                : current.codecs();
        boolean register = changes.register().present() ? TrunkFields.register(changes.register().value())
                : current.register();
        int maxChannels = changes.maxChannels().present() ? TrunkFields.maxChannels(changes.maxChannels().value())
                : current.maxChannels();
        boolean active = changes.status().present() ? TrunkFields.active(changes.status().value()) : current.active();
        requireCredentials(register, username, hasPassword ? "set" : null);
        return new SipTrunk(current.id(), tenant, name, provider, proxy, username, passwordEncrypted, transport, codecs,
                register, maxChannels, active, current.createdAt(), clock.instant());
    }

    /** A gateway that registers needs something to register with. */
    private static void requireCredentials(boolean register, String username, String password) {
        if (register && username == null) {
            throw DomainException.invalid("username", "is required when the trunk registers");
        }
        if (register && password == null) {
            throw DomainException.invalid("password", "is required when the trunk registers");
        }
    }

    private TrunkView view(SipTrunk trunk) {
        Tenant tenant = trunk.tenant() == null ? null : tenants.findById(trunk.tenant()).orElse(null);
        return new TrunkView(trunk, tenant, statuses(List.of(trunk)).get(trunk.id()));
    }

    /** Each trunk's gateway status; none at all once the media server cannot be asked. */
    private Map<UUID, GatewayStatus> statuses(List<SipTrunk> listed) {
        Map<UUID, GatewayStatus> statuses = new HashMap<>();
        for (SipTrunk trunk : listed) {
            try {
                statuses.put(trunk.id(), gateways.status(trunk.gatewayName()));
            } catch (DomainException e) {
                if (e.kind() == ErrorKind.UNAVAILABLE) {
                    return Map.of();
                }
                // Any other refusal leaves this trunk without a status, not the listing without an answer.
            }
        }
        return statuses;
    }

    /** After a write, the media server follows when it can; {@code POST /sync} retries it explicitly. */
    private void trySync(SipTrunk trunk) {
        try {
            gateways.sync(trunk);
        } catch (DomainException mediaServerDown) {
            // The trunk is stored; its gateway status shows the media server has not caught up.
        }
    }

    private SipTrunk found(UUID id) {
        return trunks.findById(id).orElseThrow(() -> DomainException.notFound("Trunk"));
    }

    /** A trunk's tenant is named in the body (null: global) and must exist. */
    private TenantId tenant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TenantId.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("tenantId", "must be the id of an existing tenant");
        }
    }

    private void requireTenantExists(TenantId tenant) {
        if (tenant != null && tenants.findById(tenant).isEmpty()) {
            throw DomainException.invalid("tenantId", "must be the id of an existing tenant");
        }
    }

    private void requireUniqueName(String name, UUID self) {
        Optional<SipTrunk> holder = trunks.findByName(name);
        if (holder.isPresent() && !holder.get().id().equals(self)) {
            throw duplicate(name);
        }
    }

    public static DomainException duplicate(String name) {
        return DomainException.badRequest("DUPLICATE", "A trunk named " + name + " already exists");
    }

    private static void requireSuperadmin(Actor actor, Access access) {
        actor.require(Resource.TRUNKS, access);
        actor.requireSuperadmin();
    }
}
