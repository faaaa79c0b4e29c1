package com.cloudpbx.core.webhooks.port;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Port: stores webhooks. Every lookup of a tenant's webhook names the tenant and the store filters
 * by it; only a superadmin acting in no tenant looks in any tenant.
 */
public interface WebhookRepository {

    void insert(Webhook webhook);

    /** Writes every field but id, tenant and creation time; false when there is no such webhook (any more). */
    boolean update(Webhook webhook);

    /** Removes the webhook and its deliveries. */
    void delete(TenantId tenant, UUID id);

    /** The tenant's webhook with this id; empty when it is another tenant's. */
    Optional<Webhook> findById(TenantId tenant, UUID id);

    /** The webhook with this id whatever its tenant: for a superadmin acting in no tenant. */
    Optional<Webhook> findByIdInAnyTenant(UUID id);

    default Optional<Webhook> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    /** Whether another webhook of the tenant (not {@code except}, which may be null) has this name, ignoring case. */
    boolean nameTaken(TenantId tenant, String name, UUID except);

    int count(TenantId tenant);

    /** The tenant's webhooks, oldest first. */
    List<Webhook> list(TenantId tenant);

    /** Every tenant's webhooks, oldest first. */
    List<Webhook> listAll();

    /** The events at least one active webhook of the tenant subscribes to. */
    Set<String> subscribedEvents(TenantId tenant);

    /** A delivery reached the receiver: the webhook is failing no more. */
    void markHealthy(UUID id);

    /** A delivery failed at {@code at}: since when the webhook has failed every delivery (this one's time if it had not). */
    Instant markFailing(UUID id, Instant at);

    /** Makes the webhook inactive, saying why; false when it was inactive already or is gone. */
    boolean disable(UUID id, String reason, Instant at);
}
