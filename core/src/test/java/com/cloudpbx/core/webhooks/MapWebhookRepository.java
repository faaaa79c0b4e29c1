package com.cloudpbx.core.webhooks;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Webhooks in a map, for use-case tests. */
public final class MapWebhookRepository implements WebhookRepository {

    private static final Comparator<Webhook> OLDEST_FIRST = Comparator.comparing(Webhook::createdAt);

    private final Map<UUID, Webhook> rows = new LinkedHashMap<>();

    @Override
    public synchronized void insert(Webhook webhook) {
        rows.put(webhook.id(), webhook);
    }

    @Override
    public synchronized boolean update(Webhook webhook) {
        Webhook current = rows.get(webhook.id());
        if (current == null || !current.tenant().equals(webhook.tenant())) {
            return false;
        }
        rows.put(webhook.id(), new Webhook(current.id(), current.tenant(), webhook.name(), webhook.target(),
                webhook.events(), webhook.active(), webhook.headers(), webhook.maxRetries(),
                webhook.retryDelaySeconds(), webhook.secretEncrypted(), webhook.previousSecretEncrypted(),
                webhook.previousSecretUntil(), webhook.failingSince(), webhook.disabledReason(), webhook.disabledAt(),
                current.createdAt(), webhook.updatedAt()));
        return true;
    }

    @Override
    public synchronized void delete(TenantId tenant, UUID id) {
        rows.computeIfPresent(id, (key, row) -> row.tenant().equals(tenant) ? null : row);
    }

    @Override
    public synchronized Optional<Webhook> findById(TenantId tenant, UUID id) {
        return Optional.ofNullable(rows.get(id)).filter(row -> row.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<Webhook> findByIdInAnyTenant(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized boolean nameTaken(TenantId tenant, String name, UUID except) {
        return rows.values().stream().anyMatch(row -> row.tenant().equals(tenant) && row.name().equalsIgnoreCase(name)
                && !row.id().equals(except));
    }

    @Override
    public synchronized int count(TenantId tenant) {
        return (int) rows.values().stream().filter(row -> row.tenant().equals(tenant)).count();
    }

    @Override
    public synchronized List<Webhook> list(TenantId tenant) {
        return rows.values().stream().filter(row -> row.tenant().equals(tenant)).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized List<Webhook> listAll() {
        return rows.values().stream().sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized Set<String> subscribedEvents(TenantId tenant) {
        Set<String> events = new LinkedHashSet<>();
        rows.values().stream().filter(row -> row.tenant().equals(tenant) && row.active())
                .forEach(row -> events.addAll(row.events()));
        return events;
    }

    @Override
    public synchronized void markHealthy(UUID id) {
        rows.computeIfPresent(id, (key, row) -> with(row, row.active(), null, row.disabledReason(), row.disabledAt()));
    }

    @Override
    public synchronized Instant markFailing(UUID id, Instant at) {
        Webhook row = rows.get(id);
        if (row == null) {
            return at;
        }
        if (row.failingSince() == null) {
            rows.put(id, with(row, row.active(), at, row.disabledReason(), row.disabledAt()));
            return at;
        }
        return row.failingSince();
    }

    @Override
    public synchronized boolean disable(UUID id, String reason, Instant at) {
        Webhook row = rows.get(id);
        if (row == null || !row.active()) {
            return false;
        }
        rows.put(id, with(row, false, row.failingSince(), reason, at));
        return true;
    }

    private static Webhook with(Webhook row, boolean active, Instant failingSince, String reason, Instant disabledAt) {
        return new Webhook(row.id(), row.tenant(), row.name(), row.target(), row.events(), active, row.headers(),
                row.maxRetries(), row.retryDelaySeconds(), row.secretEncrypted(), row.previousSecretEncrypted(),
                row.previousSecretUntil(), failingSince, reason, disabledAt, row.createdAt(), row.updatedAt());
    }
}
