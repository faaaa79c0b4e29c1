package com.cloudpbx.core.extensions;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.SecretCipher;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates, changes and removes extensions, keeping the registrar's subscriber row in step in the
 * same transaction, and confines every call to the actor's tenant (users: their own extension).
 */
public final class ExtensionProvisioning {

    private static final String RESOURCE = "extension";

    private final ExtensionRepository extensions;
    private final TenantRepository tenants;
    private final SipSubscriberDirectory subscribers;
    private final SecretCipher cipher;
    private final SipEndpoints endpoints;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public ExtensionProvisioning(ExtensionRepository extensions, TenantRepository tenants,
                                 SipSubscriberDirectory subscribers, SecretCipher cipher, SipEndpoints endpoints,
                                 Transactions transactions, AuditRecorder audit, Clock clock) {
        this.extensions = extensions;
        this.tenants = tenants;
        this.subscribers = subscribers;
        this.cipher = cipher;
        this.endpoints = endpoints;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public ExtensionListing list(Actor actor) {
        actor.require(Resource.EXTENSIONS, Access.READ);
        if (actor.isUser()) {
            return new ExtensionListing(extensions.findById(actor.tenant(), actor.principal().extensionId()).stream().toList(), Map.of());
        }
        var found = extensions.list(actor.tenantScope());
        Map<TenantId, Tenant> named = actor.tenantScope().isPresent() ? Map.of()
                : tenants.findAll().stream().collect(Collectors.toMap(Tenant::id, Function.identity()));
        return new ExtensionListing(found, named);
    }

    public Extension get(Actor actor, UUID id) {
        actor.require(Resource.EXTENSIONS, Access.READ);
        return visible(actor, id);
    }

    public CreatedExtension create(Actor actor, NewExtension request) {
        requireManager(actor);
        TenantId tenantId = actor.requireTenant();
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> DomainException.notFound("Tenant"));
        ExtensionNumber number = ExtensionNumber.parse(request.extension(), "extension");
        String displayName = Checks.requireText(request.displayName(), "displayName", 100);
        String password = SipPasswords.require(request.password(), "password");
        String pin = request.voicemailPin() == null ? null : VoicemailPin.require(request.voicemailPin(), "voicemailPin");
        PhoneNumber callerId = request.outboundCallerId() == null ? null
                : PhoneNumber.parse(request.outboundCallerId(), "outboundCallerId");
        Instant now = clock.instant();
        var extension = new Extension(UUID.randomUUID(), tenantId, number, displayName, cipher.encrypt(password),
                orDefault(request.voicemailEnabled(), false), pin == null ? null : cipher.encrypt(pin),
                orDefault(request.doNotDisturb(), false), orDefault(request.recordingEnabled(), true),
                orDefault(request.noiseCancellationEnabled(), true), callerId, ExtensionStatus.ACTIVE, null, null,
                ManualPresence.AVAILABLE, now, now);
        return transactions.inTransaction(() -> {
            if (extensions.existsNumber(tenantId, number)) {
                throw DomainException.badRequest("DUPLICATE_EXTENSION", "Extension " + number + " already exists");
            }
            extensions.insert(extension);
            subscribers.register(new SipAccount(number.value(), tenant.sipDomain(), password));
            audit.record(actor, tenantId, "create", RESOURCE, extension.id());
            return new CreatedExtension(extension,
                    new SipProvisioning(number.value(), tenant.sipDomain(), endpoints.server(tenant.sipDomain())));
        });
    }

    public Extension update(Actor actor, UUID id, ExtensionChanges changes) {
        requireManager(actor);
        Extension current = visible(actor, id);
        String displayName = changes.displayName().present()
                ? Checks.requireText(changes.displayName().value(), "displayName", 100) : current.displayName();
        String newPassword = changes.password().present() ? SipPasswords.require(changes.password().value(), "password")
                : null;
        Change<String> pin = changes.voicemailPin().map(p -> cipher.encrypt(VoicemailPin.require(p, "voicemailPin")));
        ExtensionStatus status = changes.status().present()
                ? ExtensionStatus.parse(changes.status().value(), "status") : current.status();
        PhoneNumber callerId = changes.outboundCallerId()
                .map(n -> PhoneNumber.parse(n, "outboundCallerId")).orElse(current.outboundCallerId());
        var updated = new Extension(current.id(), current.tenant(), current.number(), displayName,
                newPassword == null ? current.sipPasswordEncrypted() : cipher.encrypt(newPassword),
                notNull(changes.voicemailEnabled(), "voicemailEnabled").orElse(current.voicemailEnabled()),
                pin.orElse(current.voicemailPinEncrypted()),
                notNull(changes.doNotDisturb(), "doNotDisturb").orElse(current.doNotDisturb()),
                notNull(changes.recordingEnabled(), "recordingEnabled").orElse(current.recordingEnabled()),
                notNull(changes.noiseCancellationEnabled(), "noiseCancellationEnabled")
                        .orElse(current.noiseCancellationEnabled()),
                callerId, status, current.crmUserId(), current.crmMetadataJson(), current.presence(),
                current.createdAt(), clock.instant());
        return transactions.inTransaction(() -> {
            extensions.update(updated);
            if (newPassword != null) {
                Tenant tenant = tenantOf(updated);
                subscribers.register(new SipAccount(updated.number().value(), tenant.sipDomain(), newPassword));
            }
            audit.record(actor, updated.tenant(), "update", RESOURCE, id);
            return updated;
        });
    }

    public Extension delete(Actor actor, UUID id) {
        requireManager(actor);
        Extension current = visible(actor, id);
        Tenant tenant = tenantOf(current);
        return transactions.inTransaction(() -> {
            extensions.delete(current.tenant(), id);
            subscribers.unregister(current.number().value(), tenant.sipDomain());
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        });
    }

    public Extension updateCrmMapping(Actor actor, UUID id, String crmUserId, Optional<String> crmMetadataJson) {
        requireManager(actor);
        Extension current = visible(actor, id);
        String userId = crmUserId == null ? null : Checks.requireText(crmUserId, "crmUserId", 255);
        var updated = current.withCrmMapping(userId, crmMetadataJson.orElse(current.crmMetadataJson()), clock.instant());
        return transactions.inTransaction(() -> {
            extensions.update(updated);
            audit.record(actor, current.tenant(), "update", "extension_crm_mapping", id);
            return updated;
        });
    }

    /** Users set their own presence; admins set anyone's in their tenant. */
    public PresenceSet setPresence(Actor actor, UUID id, String status) {
        actor.require(Resource.EXTENSIONS, Access.WRITE);
        Extension current = visible(actor, id);
        ManualPresence presence = ManualPresence.parse(status, "status");
        var updated = current.withPresence(presence, clock.instant());
        return transactions.inTransaction(() -> {
            extensions.update(updated);
            audit.record(actor, current.tenant(), "update", "extension_presence", id);
            return new PresenceSet(current.number().value(), presence);
        });
    }

    public SipCredentials sipCredentials(Actor actor, UUID id) {
        actor.require(Resource.EXTENSIONS, Access.READ);
        return credentialsOf(visible(actor, id));
    }

    /** By number the tenant must be named, since numbers are unique only within a tenant. */
    public SipCredentials sipCredentialsByNumber(Actor actor, Optional<TenantId> named, String number) {
        actor.require(Resource.EXTENSIONS, Access.READ);
        TenantId tenant = named.or(actor::tenantScope).orElseThrow(() -> DomainException.badRequest(
                "TENANT_REQUIRED", "tenantId is required when looking an extension up by number"));
        if (!actor.sees(tenant) || !ExtensionNumber.isValid(number)) {
            throw DomainException.notFound("Extension");
        }
        Extension extension = extensions.findByNumber(tenant, new ExtensionNumber(number))
                .filter(e -> actor.ownsExtension(e.id()))
                .orElseThrow(() -> DomainException.notFound("Extension"));
        return credentialsOf(extension);
    }

    private SipCredentials credentialsOf(Extension extension) {
        String domain = tenantOf(extension).sipDomain();
        return new SipCredentials(extension.number().value(), extension.displayName(),
                cipher.decrypt(extension.sipPasswordEncrypted()), domain, endpoints.wsUri(domain),
                endpoints.registrar(domain));
    }

    private Extension visible(Actor actor, UUID id) {
        return extensions.findInScope(actor.tenantScope(), id)
                .filter(e -> actor.sees(e.tenant()) && actor.ownsExtension(e.id()))
                .orElseThrow(() -> DomainException.notFound("Extension"));
    }

    private Tenant tenantOf(Extension extension) {
        return tenants.findById(extension.tenant()).orElseThrow(() -> DomainException.notFound("Tenant"));
    }

    private static void requireManager(Actor actor) {
        actor.require(Resource.EXTENSIONS, Access.WRITE);
        if (actor.isUser()) {
            throw DomainException.forbidden("An extension user may not provision extensions");
        }
    }

    private static <T> Change<T> notNull(Change<T> change, String field) {
        if (change.present() && change.value() == null) {
            throw DomainException.invalid(field, "must not be null");
        }
        return change;
    }

    private static boolean orDefault(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }
}
