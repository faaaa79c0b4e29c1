package com.cloudpbx.storage.postgres.webhooks;

import static com.cloudpbx.storage.postgres.schema.Tables.WEBHOOKS;
import static com.cloudpbx.storage.postgres.schema.Tables.WEBHOOK_DELIVERIES;
import static com.cloudpbx.storage.postgres.schema.Tables.WEBHOOK_DELIVERY_ATTEMPTS;
import static com.cloudpbx.storage.postgres.webhooks.WebhookColumns.instant;
import static com.cloudpbx.storage.postgres.webhooks.WebhookColumns.micros;
import static com.cloudpbx.storage.postgres.webhooks.WebhookColumns.text;
import static com.cloudpbx.storage.postgres.webhooks.WebhookColumns.uuid;

import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.Delivery;
import com.cloudpbx.core.webhooks.DeliveryAttempt;
import com.cloudpbx.core.webhooks.DeliveryFilter;
import com.cloudpbx.core.webhooks.DeliveryStatus;
import com.cloudpbx.core.webhooks.DueDelivery;
import com.cloudpbx.core.webhooks.Webhook;
import com.cloudpbx.core.webhooks.WebhookEvent;
import com.cloudpbx.core.webhooks.port.WebhookOutbox;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The webhook outbox in PostgreSQL. Every statement runs on the connection of the caller's
 * transaction when one is open (the {@code DataSource} jOOQ draws from hands that one out), so
 * deliveries are stored with the change that raised their event or not at all. Claims lock the rows
 * they take with {@code FOR UPDATE SKIP LOCKED}: concurrent claimers pass over each other's rows
 * rather than wait for them, and a claim is a lease, {@code next_attempt_at} moved to its end.
 */
@Singleton
public class JdbcWebhookOutbox implements WebhookOutbox {

    /**
     * One pending delivery, due at the event's time, per active webhook of the tenant subscribed to
     * the event: one statement, so a tenant's webhooks cost one round trip whatever their number.
     */
    static final String APPEND = """
            INSERT INTO webhook_deliveries (id, webhook_id, tenant_id, event_id, event, body, status, attempt_count,
                                            created_at, next_attempt_at)
            SELECT gen_random_uuid(), w.id, w.tenant_id, ?::uuid, ?::text, ?::text, 'pending', 0, ?::timestamptz,
                   ?::timestamptz
            FROM webhooks w
            WHERE w.tenant_id = ?::uuid AND w.active AND ?::text = ANY (w.events)""";

    /**
     * The due deliveries, oldest due first, walked along the partial index of pending ones; rows
     * another claimer has locked are skipped, and each taken one is due again only when the lease
     * ends. Returns each with its webhook and the time it was due, to give them back in that order.
     */
    static final String CLAIM = """
            WITH due AS (
                SELECT d.id, d.next_attempt_at AS due_at
                FROM webhook_deliveries d
                JOIN webhooks w ON w.id = d.webhook_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= ?::timestamptz AND w.active
                  AND NOT (d.webhook_id = ANY (?::uuid[]))
                ORDER BY d.next_attempt_at
                LIMIT ?::integer
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d
            SET next_attempt_at = ?::timestamptz
            FROM due, webhooks w
            WHERE d.id = due.id AND w.id = d.webhook_id
            RETURNING %s, %s, due.due_at""".formatted(qualified("d", WEBHOOK_DELIVERIES),
            qualified("w", WEBHOOKS));

    /** Attempts recorded together in one statement, at most (see {@link #recordAttempt}). */
    private static final int ATTEMPTS_PER_WRITE = 200;

    /** Oldest first, through the index on created_at of finished deliveries. */
    static final String PURGE_FINISHED = """
            DELETE FROM webhook_deliveries
            WHERE id IN (SELECT id FROM webhook_deliveries
                         WHERE status <> 'pending' AND created_at < ?::timestamptz
                         ORDER BY created_at
                         LIMIT ?::integer)""";

    private static final Field<Instant> DUE_AT = DSL.field(DSL.name("due_at"), SQLDataType.INSTANT);

    private final DSLContext dsl;
    private final GroupedWrites<RecordedAttempt> attempts;
    private final WebhookJson json = new WebhookJson();
    private final WebhookColumns webhookColumns = new WebhookColumns(json);

    public JdbcWebhookOutbox(DSLContext dsl, JdbcAttemptLog attemptLog) {
        this.dsl = dsl;
        this.attempts = new GroupedWrites<>(ATTEMPTS_PER_WRITE, attemptLog::write);
    }

    @Override
    @Connectable
    public int append(WebhookEvent event) {
        Instant at = micros(event.at());
        return dsl.execute(APPEND, uuid(event.id()), text(event.name()), text(json.body(event)), instant(at),
                instant(at), uuid(event.tenant().value()), text(event.name()));
    }

    @Override
    @Connectable
    public DueDelivery appendClaimed(Webhook webhook, WebhookEvent event, Instant now, Duration lease) {
        Record row = dsl.insertInto(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.ID, UUID.randomUUID())
                .set(WEBHOOK_DELIVERIES.WEBHOOK_ID, webhook.id())
                .set(WEBHOOK_DELIVERIES.TENANT_ID, event.tenant().value())
                .set(WEBHOOK_DELIVERIES.EVENT_ID, event.id())
                .set(WEBHOOK_DELIVERIES.EVENT, event.name())
                .set(WEBHOOK_DELIVERIES.BODY, json.body(event))
                .set(WEBHOOK_DELIVERIES.STATUS, DeliveryStatus.PENDING.wireName())
                .set(WEBHOOK_DELIVERIES.ATTEMPT_COUNT, 0)
                .set(WEBHOOK_DELIVERIES.CREATED_AT, micros(event.at()))
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, micros(now.plus(lease)))
                .returning(WEBHOOK_DELIVERIES.fields())
                .fetchOne();
        return new DueDelivery(toDelivery(Objects.requireNonNull(row)), webhook);
    }

    @Override
    @Connectable
    public List<DueDelivery> claim(int max, Set<UUID> excluded, Instant now, Duration lease) {
        if (max <= 0) {
            return List.of();
        }
        return claimQuery(dsl, max, excluded, now, lease)
                .fetch()
                .stream()
                .sorted(Comparator.comparing((Record row) -> row.get(DUE_AT))
                        .thenComparing(row -> row.get(WEBHOOK_DELIVERIES.CREATED_AT)))
                .map(row -> new DueDelivery(toDelivery(row), webhookColumns.toWebhook(row)))
                .toList();
    }

    /** The claim as it runs, for its plan to be checked (static: a jOOQ query must not pass the connection advice). */
    static ResultQuery<Record> claimQuery(DSLContext dsl, int max, Set<UUID> excluded, Instant now, Duration lease) {
        List<Field<?>> returned = Stream.of(Arrays.stream(WEBHOOK_DELIVERIES.fields()),
                Arrays.stream(WEBHOOKS.fields()), Stream.of(DUE_AT)).flatMap(s -> s).collect(Collectors.toList());
        return dsl.resultQuery(CLAIM, instant(micros(now)),
                        DSL.val(excluded.toArray(UUID[]::new), SQLDataType.UUID.array()),
                        DSL.val(max, SQLDataType.INTEGER), instant(micros(now.plus(lease))))
                .coerce(returned);
    }

    /** Only a pending delivery: one recorded meanwhile (its lease ended and another node took it) stays as it is. */
    @Override
    @Connectable
    public void release(Collection<UUID> deliveryIds, Instant dueAt) {
        if (deliveryIds.isEmpty()) {
            return;
        }
        dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, micros(dueAt))
                .where(WEBHOOK_DELIVERIES.ID.in(deliveryIds).and(pending()))
                .execute();
    }

    /**
     * Attempts ending at the same time on this node are stored together, in one statement (see
     * {@link GroupedWrites}, by {@link JdbcAttemptLog}); each call returns once its own is stored,
     * holding no connection while it waits. Never part of a caller's transaction.
     */
    @Override
    public void recordAttempt(UUID deliveryId, DeliveryAttempt attempt, DeliveryStatus next, Instant nextAttemptAt) {
        if (next == DeliveryStatus.PENDING && nextAttemptAt == null) {
            throw new IllegalArgumentException("a delivery pending again needs the time of its next attempt");
        }
        attempts.store(new RecordedAttempt(deliveryId, attempt, next, nextAttemptAt));
    }


    @Override
    @Connectable
    public Page<Delivery> list(UUID webhookId, DeliveryFilter filter, PageRequest page) {
        Condition shown = WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(webhookId)
                .and(filter.status().map(s -> WEBHOOK_DELIVERIES.STATUS.eq(s.wireName())).orElse(DSL.noCondition()))
                .and(filter.event().map(WEBHOOK_DELIVERIES.EVENT::eq).orElse(DSL.noCondition()));
        long total = dsl.fetchCount(WEBHOOK_DELIVERIES, shown);
        List<Delivery> deliveries = dsl.selectFrom(WEBHOOK_DELIVERIES).where(shown)
                .orderBy(WEBHOOK_DELIVERIES.CREATED_AT.desc(), WEBHOOK_DELIVERIES.ID)
                .limit(page.limit()).offset(page.offset())
                .fetch(JdbcWebhookOutbox::toDelivery);
        return new Page<>(withAttempts(deliveries), page, total);
    }

    @Override
    @Connectable
    public Optional<Delivery> find(UUID webhookId, UUID deliveryId) {
        return dsl.selectFrom(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(webhookId).and(WEBHOOK_DELIVERIES.ID.eq(deliveryId)))
                .fetchOptional(JdbcWebhookOutbox::toDelivery)
                .map(delivery -> withAttempts(List.of(delivery)).get(0));
    }

    @Override
    @Connectable
    public boolean requeue(UUID webhookId, UUID deliveryId, Instant now) {
        return dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.STATUS, DeliveryStatus.PENDING.wireName())
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, micros(now))
                .setNull(WEBHOOK_DELIVERIES.DELIVERED_AT)
                .where(WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(webhookId).and(WEBHOOK_DELIVERIES.ID.eq(deliveryId)))
                .execute() == 1;
    }

    @Override
    @Connectable
    public int purgeFinished(Instant before, int max) {
        if (max <= 0) {
            return 0;
        }
        return dsl.execute(PURGE_FINISHED, instant(micros(before)), DSL.val(max, SQLDataType.INTEGER));
    }

    @Override
    @Connectable
    public long pendingCount() {
        return dsl.fetchCount(WEBHOOK_DELIVERIES, pending());
    }

    /** The deliveries' attempts, oldest first, read in one query for all of them. */
    private List<Delivery> withAttempts(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<UUID, List<DeliveryAttempt>> attempts = new LinkedHashMap<>();
        dsl.selectFrom(WEBHOOK_DELIVERY_ATTEMPTS)
                .where(WEBHOOK_DELIVERY_ATTEMPTS.DELIVERY_ID.in(deliveries.stream().map(Delivery::id).toList()))
                .orderBy(WEBHOOK_DELIVERY_ATTEMPTS.DELIVERY_ID, WEBHOOK_DELIVERY_ATTEMPTS.ATTEMPT_NO)
                .forEach(row -> attempts.computeIfAbsent(row.get(WEBHOOK_DELIVERY_ATTEMPTS.DELIVERY_ID),
                        id -> new ArrayList<>()).add(toAttempt(row)));
        return deliveries.stream().map(d -> d.withAttempts(attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    private static Condition pending() {
        return WEBHOOK_DELIVERIES.STATUS.eq(DeliveryStatus.PENDING.wireName());
    }

    private static Delivery toDelivery(Record row) {
        return new Delivery(row.get(WEBHOOK_DELIVERIES.ID), row.get(WEBHOOK_DELIVERIES.WEBHOOK_ID),
                TenantId.of(row.get(WEBHOOK_DELIVERIES.TENANT_ID)), row.get(WEBHOOK_DELIVERIES.EVENT_ID),
                row.get(WEBHOOK_DELIVERIES.EVENT), row.get(WEBHOOK_DELIVERIES.BODY),
                DeliveryStatus.parse(row.get(WEBHOOK_DELIVERIES.STATUS), "status"),
                row.get(WEBHOOK_DELIVERIES.ATTEMPT_COUNT), row.get(WEBHOOK_DELIVERIES.CREATED_AT),
                row.get(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT), row.get(WEBHOOK_DELIVERIES.DELIVERED_AT), List.of());
    }

    private static DeliveryAttempt toAttempt(Record row) {
        return new DeliveryAttempt(row.get(WEBHOOK_DELIVERY_ATTEMPTS.AT),
                row.get(WEBHOOK_DELIVERY_ATTEMPTS.STATUS_CODE),
                row.get(WEBHOOK_DELIVERY_ATTEMPTS.DURATION_MS), row.get(WEBHOOK_DELIVERY_ATTEMPTS.ERROR),
                row.get(WEBHOOK_DELIVERY_ATTEMPTS.RESPONSE_EXCERPT));
    }

    /** The table's columns, in its order, named through the alias: the claim's RETURNING list. */
    private static String qualified(String alias, Table<?> table) {
        return Arrays.stream(table.fields()).map(f -> alias + "." + f.getName()).collect(Collectors.joining(", "));
    }
}
