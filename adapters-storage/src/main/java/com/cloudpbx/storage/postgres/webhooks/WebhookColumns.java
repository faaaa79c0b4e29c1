package com.cloudpbx.storage.postgres.webhooks;

import java.util.UUID;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.DSL;
import static com.cloudpbx.storage.postgres.schema.Tables.WEBHOOKS;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.webhooks.Webhook;
import com.cloudpbx.core.webhooks.WebhookTarget;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;

/** A webhook as the columns of {@code webhooks}, and back. */
final class WebhookColumns {

    private final WebhookJson json;

    WebhookColumns(WebhookJson json) {
        this.json = json;
    }

    /** Everything but id, tenant and creation time: what an update writes. */
    Map<Field<?>, Object> changing(Webhook webhook) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(WEBHOOKS.NAME, webhook.name());
        columns.put(WEBHOOKS.URL, webhook.target().uri().toString());
        columns.put(WEBHOOKS.EVENTS, webhook.events().toArray(String[]::new));
        columns.put(WEBHOOKS.ACTIVE, webhook.active());
        columns.put(WEBHOOKS.HEADERS, json.headers(webhook.headers()));
        columns.put(WEBHOOKS.MAX_RETRIES, webhook.maxRetries());
        columns.put(WEBHOOKS.RETRY_DELAY_SECONDS, webhook.retryDelaySeconds());
        columns.put(WEBHOOKS.SECRET_ENCRYPTED, webhook.secretEncrypted());
        columns.put(WEBHOOKS.PREVIOUS_SECRET_ENCRYPTED, webhook.previousSecretEncrypted());
        columns.put(WEBHOOKS.PREVIOUS_SECRET_UNTIL, micros(webhook.previousSecretUntil()));
        columns.put(WEBHOOKS.FAILING_SINCE, micros(webhook.failingSince()));
        columns.put(WEBHOOKS.DISABLED_REASON, webhook.disabledReason());
        columns.put(WEBHOOKS.DISABLED_AT, micros(webhook.disabledAt()));
        columns.put(WEBHOOKS.UPDATED_AT, micros(webhook.updatedAt()));
        return columns;
    }

    /**
     * The stored URL and headers were checked when the webhook was written; they are taken back as
     * they are, so a webhook stays readable (and can be fixed) after the allowed ports change.
     */
    Webhook toWebhook(Record row) {
        return new Webhook(row.get(WEBHOOKS.ID), TenantId.of(row.get(WEBHOOKS.TENANT_ID)), row.get(WEBHOOKS.NAME),
                new WebhookTarget(URI.create(row.get(WEBHOOKS.URL))),
                new LinkedHashSet<>(Arrays.asList(row.get(WEBHOOKS.EVENTS))),
                row.get(WEBHOOKS.ACTIVE), json.headers(row.get(WEBHOOKS.HEADERS)), row.get(WEBHOOKS.MAX_RETRIES),
                row.get(WEBHOOKS.RETRY_DELAY_SECONDS), row.get(WEBHOOKS.SECRET_ENCRYPTED),
                row.get(WEBHOOKS.PREVIOUS_SECRET_ENCRYPTED), row.get(WEBHOOKS.PREVIOUS_SECRET_UNTIL),
                row.get(WEBHOOKS.FAILING_SINCE), row.get(WEBHOOKS.DISABLED_REASON), row.get(WEBHOOKS.DISABLED_AT),
                row.get(WEBHOOKS.CREATED_AT), row.get(WEBHOOKS.UPDATED_AT));
    }

    /**
     * timestamptz keeps whole microseconds and PostgreSQL rounds a finer time to the nearest one;
     * truncating here instead means a time read back is never later than the one written.
     */
    static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Bind values typed for the plain-SQL statements, so PostgreSQL never guesses a parameter's type. */
    static Field<UUID> uuid(UUID value) {
        return DSL.val(value, SQLDataType.UUID);
    }

    static Field<String> text(String value) {
        return DSL.val(value, SQLDataType.CLOB);
    }

    static Field<Instant> instant(Instant value) {
        return DSL.val(value, SQLDataType.INSTANT);
    }
}
