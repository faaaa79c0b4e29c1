package com.cloudpbx.storage.postgres.webhooks;

import static com.cloudpbx.storage.postgres.schema.Tables.WEBHOOKS;
import static com.cloudpbx.storage.postgres.webhooks.WebhookColumns.micros;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.Webhook;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Webhooks in PostgreSQL. Their deliveries go with them ({@code ON DELETE CASCADE}); names are unique
 * in a tenant ignoring case, which the unique index on {@code lower(name)} decides between two
 * concurrent writers.
 */
@Singleton
@Connectable
public class JdbcWebhookRepository implements WebhookRepository {

    private final DSLContext dsl;
    private final WebhookColumns columns = new WebhookColumns(new WebhookJson());

    public JdbcWebhookRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Webhook webhook) {
        UniqueViolations.translate(() -> dsl.insertInto(WEBHOOKS)
                        .set(WEBHOOKS.ID, webhook.id())
                        .set(WEBHOOKS.TENANT_ID, webhook.tenant().value())
                        .set(WEBHOOKS.CREATED_AT, micros(webhook.createdAt()))
                        .set(columns.changing(webhook))
                        .execute(),
                () -> duplicate(webhook));
    }

    /** In the webhook's own tenant only, so another tenant's id changes nothing. */
    @Override
    public boolean update(Webhook webhook) {
        int[] updated = new int[1];
        UniqueViolations.translate(() -> updated[0] = dsl.update(WEBHOOKS)
                        .set(columns.changing(webhook))
                        .where(ownedBy(webhook.tenant(), webhook.id()))
                        .execute(),
                () -> duplicate(webhook));
        return updated[0] == 1;
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        dsl.deleteFrom(WEBHOOKS).where(ownedBy(tenant, id)).execute();
    }

    @Override
    public Optional<Webhook> findById(TenantId tenant, UUID id) {
        return dsl.selectFrom(WEBHOOKS).where(ownedBy(tenant, id)).fetchOptional(columns::toWebhook);
    }

    @Override
    public Optional<Webhook> findByIdInAnyTenant(UUID id) {
        return dsl.selectFrom(WEBHOOKS).where(WEBHOOKS.ID.eq(id)).fetchOptional(columns::toWebhook);
    }

    @Override
    public boolean nameTaken(TenantId tenant, String name, UUID except) {
        Condition sameName = WEBHOOKS.TENANT_ID.eq(tenant.value())
                .and(DSL.lower(WEBHOOKS.NAME).eq(DSL.lower(DSL.val(name))));
        return dsl.fetchExists(WEBHOOKS, except == null ? sameName : sameName.and(WEBHOOKS.ID.ne(except)));
    }

    @Override
    public int count(TenantId tenant) {
        return dsl.fetchCount(WEBHOOKS, WEBHOOKS.TENANT_ID.eq(tenant.value()));
    }

    @Override
    public List<Webhook> list(TenantId tenant) {
        return dsl.selectFrom(WEBHOOKS).where(WEBHOOKS.TENANT_ID.eq(tenant.value()))
                .orderBy(WEBHOOKS.CREATED_AT, WEBHOOKS.ID)
                .fetch(columns::toWebhook);
    }

    @Override
    public List<Webhook> listAll() {
        return dsl.selectFrom(WEBHOOKS).orderBy(WEBHOOKS.CREATED_AT, WEBHOOKS.ID).fetch(columns::toWebhook);
    }

    @Override
    public Set<String> subscribedEvents(TenantId tenant) {
        var event = DSL.field("unnest({0})", String.class, WEBHOOKS.EVENTS);
        return new LinkedHashSet<>(dsl.selectDistinct(event).from(WEBHOOKS)
                .where(WEBHOOKS.TENANT_ID.eq(tenant.value()).and(WEBHOOKS.ACTIVE))
                .fetch(event));
    }

    @Override
    public void markHealthy(UUID id) {
        dsl.update(WEBHOOKS).setNull(WEBHOOKS.FAILING_SINCE).where(WEBHOOKS.ID.eq(id)).execute();
    }

    /** One statement, so of two nodes recording failures at once the first's time is kept. */
    @Override
    public Instant markFailing(UUID id, Instant at) {
        Instant failing = micros(at);
        return dsl.update(WEBHOOKS)
                .set(WEBHOOKS.FAILING_SINCE, DSL.coalesce(WEBHOOKS.FAILING_SINCE, DSL.val(failing)))
                .where(WEBHOOKS.ID.eq(id))
                .returningResult(WEBHOOKS.FAILING_SINCE)
                .fetchOptional(WEBHOOKS.FAILING_SINCE)
                .orElse(failing);
    }

    @Override
    public boolean disable(UUID id, String reason, Instant at) {
        return dsl.update(WEBHOOKS)
                .set(WEBHOOKS.ACTIVE, false)
                .set(WEBHOOKS.DISABLED_REASON, reason)
                .set(WEBHOOKS.DISABLED_AT, micros(at))
                .where(WEBHOOKS.ID.eq(id).and(WEBHOOKS.ACTIVE))
                .execute() == 1;
    }

    private static Condition ownedBy(TenantId tenant, UUID id) {
        return WEBHOOKS.TENANT_ID.eq(tenant.value()).and(WEBHOOKS.ID.eq(id));
    }

    private static String duplicate(Webhook webhook) {
        return "A webhook named " + webhook.name() + " already exists";
    }
}
