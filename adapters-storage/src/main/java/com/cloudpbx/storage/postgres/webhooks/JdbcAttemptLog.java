package com.cloudpbx.storage.postgres.webhooks;

import static com.cloudpbx.storage.postgres.webhooks.WebhookColumns.instant;
import static com.cloudpbx.storage.postgres.webhooks.WebhookColumns.micros;
import static com.cloudpbx.storage.postgres.webhooks.WebhookColumns.text;
import static com.cloudpbx.storage.postgres.webhooks.WebhookColumns.uuid;

import com.cloudpbx.core.webhooks.DeliveryStatus;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Writes attempts that ended together, with their deliveries' new state, in one statement. */
@Singleton
@Connectable
public class JdbcAttemptLog {

    /**
     * Attempts that ended together, each row {@code (id, status, next_attempt_at, delivered_at, at,
     * status_code, duration_ms, error, response_excerpt)}: every delivery's state and its attempt,
     * numbered after the ones before, in one statement.
     */
    static final String RECORD_ATTEMPTS = """
            WITH attempt (id, status, next_attempt_at, delivered_at, at, status_code, duration_ms, error, excerpt)
                AS (VALUES %s),
            delivery AS (
                UPDATE webhook_deliveries d
                SET status = attempt.status, attempt_count = d.attempt_count + 1,
                    next_attempt_at = attempt.next_attempt_at,
                    delivered_at = coalesce(attempt.delivered_at, d.delivered_at)
                FROM attempt
                WHERE d.id = attempt.id
                RETURNING d.id, d.attempt_count)
            INSERT INTO webhook_delivery_attempts (delivery_id, attempt_no, at, status_code, duration_ms, error,
                                                   response_excerpt)
            SELECT delivery.id, delivery.attempt_count, attempt.at, attempt.status_code, attempt.duration_ms,
                   attempt.error, attempt.excerpt
            FROM delivery JOIN attempt ON attempt.id = delivery.id""";
    private static final String ATTEMPT_ROW = "(?::uuid, ?::text, ?::timestamptz, ?::timestamptz, ?::timestamptz, "
            + "?::integer, ?::bigint, ?::text, ?::text)";

    private final DSLContext dsl;

    public JdbcAttemptLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void write(List<RecordedAttempt> recorded) {
        List<Field<?>> values = new ArrayList<>(recorded.size() * 9);
        for (RecordedAttempt row : recorded) {
            Instant at = micros(row.attempt().at());
            values.add(uuid(row.deliveryId()));
            values.add(text(row.next().wireName()));
            values.add(instant(row.next() == DeliveryStatus.PENDING ? micros(row.nextAttemptAt()) : null));
            values.add(instant(row.next() == DeliveryStatus.DELIVERED ? at : null));
            values.add(instant(at));
            values.add(DSL.val(row.attempt().statusCode(), SQLDataType.INTEGER));
            values.add(DSL.val(row.attempt().durationMillis(), SQLDataType.BIGINT));
            values.add(text(storable(row.attempt().error())));
            values.add(text(storable(row.attempt().responseExcerpt())));
        }
        String rows = String.join(", ", Collections.nCopies(recorded.size(), ATTEMPT_ROW));
        dsl.execute(RECORD_ATTEMPTS.formatted(rows), values.toArray());
    }

    /**
     * PostgreSQL's text cannot hold a NUL character, and a receiver's response may contain one: it is
     * kept as U+FFFD, or the attempt could never be recorded and the delivery would be tried forever.
     */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
