package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.SecretCipher;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tenant's webhooks: created with a secret shown once, changed, removed, and their secret
 * rotated (the previous one keeps signing for {@link #ROTATION_OVERLAP}, so receivers can switch
 * without losing a delivery).
 */
public final class WebhookManagement {

    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    private static final String RESOURCE = "webhook";

    private final WebhookRepository webhooks;
    private final TenantRepository tenants;
    private final WebhookSecrets secrets;
    private final SecretCipher cipher;
    private final WebhookSubscriptions subscriptions;
    private final WebhookRules rules;
    private final Transactions transactions;
    private final AuditRecorder audit;
    private final Clock clock;

    public WebhookManagement(WebhookRepository webhooks, TenantRepository tenants, WebhookSecrets secrets,
                             SecretCipher cipher, WebhookSubscriptions subscriptions, WebhookRules rules,
                             Transactions transactions, AuditRecorder audit, Clock clock) {
        this.webhooks = webhooks;
        this.tenants = tenants;
        this.secrets = secrets;
        this.cipher = cipher;
        this.subscriptions = subscriptions;
        this.rules = rules;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public WebhookListing list(Actor actor) {
        actor.require(Resource.WEBHOOKS, Access.READ);
        if (actor.tenantScope().isPresent()) {
            return new WebhookListing(webhooks.list(actor.tenantScope().get()), Map.of());
        }
        Map<TenantId, Tenant> named = tenants.findAll().stream()
                .collect(Collectors.toMap(Tenant::id, Function.identity()));
        return new WebhookListing(webhooks.listAll(), named);
    }

    public Webhook get(Actor actor, UUID id) {
        actor.require(Resource.WEBHOOKS, Access.READ);
        return visible(actor, id);
    }

    public WebhookWithSecret create(Actor actor, NewWebhook request) {
        actor.require(Resource.WEBHOOKS, Access.WRITE);
        TenantId tenant = actor.requireTenant();
        String name = name(request.name());
        WebhookTarget target = WebhookTarget.parse(request.url(), rules.allowedPorts(), "url");
        var events = WebhookEventNames.parse(request.events(), "events");
        CustomHeaders headers = CustomHeaders.parse(request.headers(), "headers");
        int maxRetries = maxRetries(request.maxRetries() == null ? Webhook.DEFAULT_MAX_RETRIES : request.maxRetries());
        int retryDelay = retryDelay(request.retryDelaySeconds() == null ? Webhook.DEFAULT_RETRY_DELAY_SECONDS
                : request.retryDelaySeconds());
        String secret = secrets.chosenOrGenerated(request.secret(), "secret");
        Instant now = clock.instant();
        var webhook = new Webhook(UUID.randomUUID(), tenant, name, target, events,
                request.active() == null || request.active(), headers, maxRetries, retryDelay, cipher.encrypt(secret),
                null, null, null, null, null, now, now);
        transactions.run(() -> {
            tenants.findById(tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
            if (webhooks.count(tenant) >= rules.maxPerTenant()) {
                throw DomainException.badRequest("LIMIT_REACHED", "A tenant has at most " + rules.maxPerTenant()
                        + " webhooks: remove one first");
            }
            if (webhooks.nameTaken(tenant, name, null)) {
                throw duplicate(name);
            }
            webhooks.insert(webhook);
            audit.record(actor, tenant, "create", RESOURCE, webhook.id());
        });
        subscriptions.changed(tenant);
        return new WebhookWithSecret(webhook, secret);
    }

    public Webhook update(Actor actor, UUID id, WebhookChanges changes) {
        actor.require(Resource.WEBHOOKS, Access.WRITE);
        Webhook updated = transactions.inTransaction(() -> {
            Webhook current = visible(actor, id);
            Webhook next = changed(current, changes);
            if (!next.name().equalsIgnoreCase(current.name()) && webhooks.nameTaken(current.tenant(), next.name(), id)) {
                throw duplicate(next.name());
            }
            if (!webhooks.update(next)) {
                throw DomainException.notFound("Webhook");
            }
            audit.record(actor, current.tenant(), "update", RESOURCE, id);
            return next;
        });
        subscriptions.changed(updated.tenant());
        return updated;
    }

    public Webhook delete(Actor actor, UUID id) {
        actor.require(Resource.WEBHOOKS, Access.WRITE);
        Webhook deleted = transactions.inTransaction(() -> {
            Webhook current = visible(actor, id);
            webhooks.delete(current.tenant(), id);
            audit.record(actor, current.tenant(), "delete", RESOURCE, id);
            return current;
        });
        subscriptions.changed(deleted.tenant());
        return deleted;
    }

    /**
     * A new secret (chosen or generated) signs from now on; the current one keeps signing beside it
     * for {@link #ROTATION_OVERLAP}. A secret rotated out before is dropped.
     */
    public WebhookWithSecret rotateSecret(Actor actor, UUID id, String chosen) {
        actor.require(Resource.WEBHOOKS, Access.WRITE);
        String secret = secrets.chosenOrGenerated(chosen, "secret");
        Instant now = clock.instant();
        Webhook rotated = transactions.inTransaction(() -> {
            Webhook current = visible(actor, id);
            Webhook next = new Webhook(current.id(), current.tenant(), current.name(), current.target(),
                    current.events(), current.active(), current.headers(), current.maxRetries(),
                    current.retryDelaySeconds(), cipher.encrypt(secret), current.secretEncrypted(),
                    now.plus(ROTATION_OVERLAP), current.failingSince(), current.disabledReason(), current.disabledAt(),
                    current.createdAt(), now);
            if (!webhooks.update(next)) {
                throw DomainException.notFound("Webhook");
            }
            audit.record(actor, current.tenant(), "rotate_secret", RESOURCE, id);
            return next;
        });
        return new WebhookWithSecret(rotated, secret);
    }

    Webhook visible(Actor actor, UUID id) {
        return actor.visible(webhooks.findInScope(actor.tenantScope(), id), Webhook::tenant, "Webhook");
    }

    /** Turning a webhook back on starts it afresh: no longer failing, no reason to show. */
    private Webhook changed(Webhook current, WebhookChanges changes) {
        String name = changes.name().present() ? name(changes.name().value()) : current.name();
        WebhookTarget target = changes.url().present()
                ? WebhookTarget.parse(changes.url().value(), rules.allowedPorts(), "url") : current.target();
        var events = changes.events().present() ? WebhookEventNames.parse(changes.events().value(), "events")
                : current.events();
        CustomHeaders headers = changes.headers().present()
                ? CustomHeaders.parse(changes.headers().value(), "headers") : current.headers();
        int maxRetries = changes.maxRetries().present()
                ? maxRetries(Checks.required(changes.maxRetries().value(), "maxRetries")) : current.maxRetries();
        int retryDelay = changes.retryDelaySeconds().present()
                ? retryDelay(Checks.required(changes.retryDelaySeconds().value(), "retryDelaySeconds"))
                : current.retryDelaySeconds();
        boolean active = changes.active().present()
                ? Checks.required(changes.active().value(), "active") : current.active();
        boolean restarted = active && !current.active();
        return new Webhook(current.id(), current.tenant(), name, target, events, active, headers, maxRetries,
                retryDelay, current.secretEncrypted(), current.previousSecretEncrypted(),
                current.previousSecretUntil(), restarted ? null : current.failingSince(),
                restarted ? null : current.disabledReason(), restarted ? null : current.disabledAt(),
                current.createdAt(), clock.instant());
    }

    private static String name(String value) {
        return Checks.requireText(value, "name", Webhook.MAX_NAME).strip();
    }

    private static int maxRetries(int value) {
        if (value < 0 || value > Webhook.MAX_RETRIES) {
            throw DomainException.invalid("maxRetries", "must be 0 to " + Webhook.MAX_RETRIES);
        }
        return value;
    }

    private static int retryDelay(int value) {
        if (value < 1 || value > Webhook.MAX_RETRY_DELAY_SECONDS) {
            throw DomainException.invalid("retryDelaySeconds", "must be 1 to " + Webhook.MAX_RETRY_DELAY_SECONDS);
        }
        return value;
    }

    private static DomainException duplicate(String name) {
        return DomainException.badRequest("DUPLICATE", "A webhook named '" + name + "' exists already");
    }
}
