package com.cloudpbx.core.provisioning;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.extensions.CreatedExtension;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionChanges;
import com.cloudpbx.core.extensions.ExtensionListing;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.extensions.ManualPresence;
import com.cloudpbx.core.extensions.NewExtension;
import com.cloudpbx.core.extensions.PresenceSet;
import com.cloudpbx.core.extensions.SipAccount;
import com.cloudpbx.core.extensions.SipCredentials;
import com.cloudpbx.core.extensions.SipEndpoints;
import com.cloudpbx.core.extensions.SipPasswords;
import com.cloudpbx.core.extensions.SipProvisioning;
import com.cloudpbx.core.extensions.VoicemailPin;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.extensions.port.SipSubscriberDirectory;
import com.cloudpbx.core.identity.ResolveActor;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.RoutingReferences;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.CredentialVersions;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
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
    private final CredentialVersions versions;
    private final ResolveActor standings;
    private final Clock clock;
    private final RoutingReferences references;
    private final ConfigurationChanges configuration;

    public ExtensionProvisioning(ExtensionRepository extensions, TenantRepository tenants,
                                 SipSubscriberDirectory subscribers, SecretCipher cipher, SipEndpoints endpoints,
                                 Transactions transactions, AuditRecorder audit, CredentialVersions versions,
                                 ResolveActor standings, Clock clock, RoutingReferences references,
                                 ConfigurationChanges configuration) {
        this.references = references;
        this.configuration = configuration;
        this.extensions = extensions;
        this.tenants = tenants;
        this.subscribers = subscribers;
        this.cipher = cipher;
        this.endpoints = endpoints;
        this.transactions = transactions;
        this.audit = audit;
        this.versions = versions;
        this.standings = standings;
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
        tenants.findById(tenantId).orElseThrow(() -> DomainException.notFound("Tenant"));
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
        CreatedExtension created = transactions.inTransaction(() -> {
            Tenant tenant = domainHeld(tenantId, "Tenant");
            if (extensions.existsNumber(tenantId, number)) {
                throw DomainException.badRequest("DUPLICATE_EXTENSION", "Extension " + number + " already exists");
            }
            extensions.insert(extension);
            subscribers.register(new SipAccount(number.value(), tenant.sipDomain(), password));
            audit.record(actor, tenantId, "create", RESOURCE, extension.id());
            return new CreatedExtension(extension,
                    new SipProvisioning(number.value(), tenant.sipDomain(), endpoints.server(tenant.sipDomain())));
        });
        configuration.changed(tenantId);
        return created;
    }

    /**
     * Reads, changes and writes the extension in one transaction holding its row lock, so
     * concurrent updates each keep the other's fields and an update racing a delete either comes
     * first or finds nothing (404) and writes nothing, the registrar's row included.
     */
    public Extension update(Actor actor, UUID id, ExtensionChanges changes) {
        requireManager(actor);
        Extension updated = transactions.inTransaction(() -> {
            Tenant tenant = domainHeld(tenantOfVisible(actor, id), "Extension");
            Extension current = lockedVisible(actor, tenant, id);
            Extension next = applied(current, changes);
            write(current, next);
            // Validated by applied(): present means a valid new password.
            String newPassword = changes.password().present() ? changes.password().value() : null;
            if (newPassword != null) {
                subscribers.register(new SipAccount(next.number().value(), tenant.sipDomain(), newPassword));
            }
            if (newPassword != null || (current.isActive() && !next.isActive())) {
                // Tokens issued under the old password, or before the extension was disabled, stop acting.
                versions.advanceExtension(id);
            }
            audit.record(actor, next.tenant(), "update", RESOURCE, id);
            return next;
        });
        standings.extensionChanged(id);
        // Routing rings active extensions, skips do-not-disturb and falls back to enabled voicemail.
        configuration.changed(updated.tenant());
        return updated;
    }

    private Extension applied(Extension current, ExtensionChanges changes) {
        String displayName = changes.displayName().present()
                ? Checks.requireText(changes.displayName().value(), "displayName", 100) : current.displayName();
        String newPassword = changes.password().present() ? SipPasswords.require(changes.password().value(), "password")
                : null;
        Change<String> pin = changes.voicemailPin().map(p -> cipher.encrypt(VoicemailPin.require(p, "voicemailPin")));
        ExtensionStatus status = changes.status().present()
                ? ExtensionStatus.parse(changes.status().value(), "status") : current.status();
        PhoneNumber callerId = changes.outboundCallerId()
                .map(n -> PhoneNumber.parse(n, "outboundCallerId")).orElse(current.outboundCallerId());
        return new Extension(current.id(), current.tenant(), current.number(), displayName,
                newPassword == null ? current.sipPasswordEncrypted() : cipher.encrypt(newPassword),
                notNull(changes.voicemailEnabled(), "voicemailEnabled").orElse(current.voicemailEnabled()),
                pin.orElse(current.voicemailPinEncrypted()),
                notNull(changes.doNotDisturb(), "doNotDisturb").orElse(current.doNotDisturb()),
                notNull(changes.recordingEnabled(), "recordingEnabled").orElse(current.recordingEnabled()),
                notNull(changes.noiseCancellationEnabled(), "noiseCancellationEnabled")
                        .orElse(current.noiseCancellationEnabled()),
                callerId, status, current.crmUserId(), current.crmMetadataJson(), current.presence(),
                current.createdAt(), clock.instant());
    }

    public Extension delete(Actor actor, UUID id) {
        requireManager(actor);
        Extension deleted = transactions.inTransaction(() -> {
            Tenant tenant = domainHeld(tenantOfVisible(actor, id), "Extension");
            Extension current = lockedVisible(actor, tenant, id);
            String number = current.number().value();
            // Group memberships go with the extension; a route that names it must be changed first.
            references.requireUnused(current.tenant(), RouteAction.EXTENSION, number, "Extension " + number);
            references.requireUnused(current.tenant(), RouteAction.VOICEMAIL, number, "The voicemail of " + number);
            extensions.delete(current.tenant(), id);
            subscribers.unregister(current.number().value(), tenant.sipDomain());
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        });
        standings.extensionChanged(id);
        configuration.changed(deleted.tenant());
        return deleted;
    }

    public Extension updateCrmMapping(Actor actor, UUID id, String crmUserId, Optional<String> crmMetadataJson) {
        requireManager(actor);
        return transactions.inTransaction(() -> {
            Extension current = lockedVisible(actor, id);
            String userId = crmUserId == null ? null : Checks.requireText(crmUserId, "crmUserId", 255);
            var updated = current.withCrmMapping(userId, crmMetadataJson.orElse(current.crmMetadataJson()),
                    clock.instant());
            write(current, updated);
            audit.record(actor, current.tenant(), "update", "extension_crm_mapping", id);
            return updated;
        });
    }

    /** Users set their own presence; admins set anyone's in their tenant. */
    public PresenceSet setPresence(Actor actor, UUID id, String status) {
        actor.require(Resource.EXTENSIONS, Access.WRITE);
        Extension changed = transactions.inTransaction(() -> {
            Extension current = lockedVisible(actor, id);
            ManualPresence presence = ManualPresence.parse(status, "status");
            Extension next = current.withPresence(presence, clock.instant());
            write(current, next);
            audit.record(actor, current.tenant(), "update", "extension_presence", id);
            return next;
        });
        // Whoever follows the tenant's extensions (presence_change) sees the presence set by hand.
        configuration.changed(changed.tenant());
        return new PresenceSet(changed.number().value(), changed.presence());
    }

    /**
     * The SIP password is also the extension's login password: only admins (and keys given
     * {@code sip-credentials:read}) and the extension's own user read it.
     */
    public SipCredentials sipCredentials(Actor actor, UUID id) {
        actor.require(Resource.SIP_CREDENTIALS, Access.READ);
        Extension extension = extensions.findInScope(actor.tenantScope(), id).filter(e -> actor.sees(e.tenant()))
                .orElseThrow(() -> DomainException.notFound("Extension"));
        return credentialsOf(actor, extension);
    }

    /** By number the tenant must be named, since numbers are unique only within a tenant. */
    public SipCredentials sipCredentialsByNumber(Actor actor, Optional<TenantId> named, String number) {
        actor.require(Resource.SIP_CREDENTIALS, Access.READ);
        TenantId tenant = named.or(actor::tenantScope).orElseThrow(() -> DomainException.badRequest(
                "TENANT_REQUIRED", "tenantId is required when looking an extension up by number"));
        if (!actor.sees(tenant) || !ExtensionNumber.isValid(number)) {
            throw DomainException.notFound("Extension");
        }
        Extension extension = extensions.findByNumber(tenant, new ExtensionNumber(number))
                .orElseThrow(() -> DomainException.notFound("Extension"));
        return credentialsOf(actor, extension);
    }

    private SipCredentials credentialsOf(Actor actor, Extension extension) {
        if (!actor.ownsExtension(extension.id())) {
            throw DomainException.forbidden("An extension user may read only its own SIP credentials");
        }
        return credentialsOf(extension);
    }

    private SipCredentials credentialsOf(Extension extension) {
        String domain = tenantOf(extension).sipDomain();
        return new SipCredentials(extension.number().value(), extension.displayName(),
                cipher.decrypt(extension.sipPasswordEncrypted()), domain, endpoints.wsUri(domain),
                endpoints.registrar(domain));
    }

    private Extension visible(Actor actor, UUID id) {
        return seenBy(actor, extensions.findInScope(actor.tenantScope(), id));
    }

    /** The extension, locked for the rest of the caller's transaction; 404 when the actor cannot see it. */
    private Extension lockedVisible(Actor actor, UUID id) {
        return seenBy(actor, extensions.lockInScope(actor.tenantScope(), id));
    }

    /** The same within a tenant whose SIP domain the caller holds (see {@link #domainHeld}). */
    private Extension lockedVisible(Actor actor, Tenant tenant, UUID id) {
        return seenBy(actor, extensions.lockInScope(Optional.of(tenant.id()), id));
    }

    private static Extension seenBy(Actor actor, Optional<Extension> found) {
        return found.filter(e -> actor.sees(e.tenant()) && actor.ownsExtension(e.id()))
                .orElseThrow(() -> DomainException.notFound("Extension"));
    }

    /** The tenant the actor acts in, or for a superadmin acting in none the extension's own. */
    private TenantId tenantOfVisible(Actor actor, UUID id) {
        return actor.tenantScope().orElseGet(() -> visible(actor, id).tenant());
    }

    /**
     * The tenant, its SIP domain held until the transaction ends. Writes that register or
     * unregister a phone account take it before the extension's row lock (the order a tenant
     * delete takes too): a subdomain move waits for them and then re-keys what they left, instead
     * of re-registering an extension deleted meanwhile or missing one just created.
     */
    private Tenant domainHeld(TenantId tenantId, String missing) {
        return tenants.shareLockById(tenantId).orElseThrow(() -> DomainException.notFound(missing));
    }

    private void write(Extension current, Extension updated) {
        if (!extensions.update(current, updated)) {
            throw DomainException.notFound("Extension");
        }
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
