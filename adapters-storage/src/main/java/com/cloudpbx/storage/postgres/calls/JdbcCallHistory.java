package com.cloudpbx.storage.postgres.calls;

import static com.cloudpbx.storage.postgres.schema.Tables.CALL_RECORDS;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.core.calls.CallStats;
import com.cloudpbx.core.calls.CallStatus;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.Enums;
import com.cloudpbx.storage.postgres.Timestamps;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record4;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The call history in PostgreSQL. Lists are newest first with the id breaking ties, so pages
 * never overlap or skip; every filter is served by an index of V4. Writes and reads join the
 * caller's transaction when there is one.
 */
@Singleton
@Connectable
public class JdbcCallHistory implements CallHistory {

    /**
     * Rows the driver fetches per round trip while streaming: enough to amortise the round trip,
     * few enough that memory stays flat however many rows match.
     */
    static final int STREAM_FETCH_SIZE = 500;

    /** Records per insert: PostgreSQL takes at most 65,535 parameters per statement, 17 per record. */
    public static final int MAX_BATCH = 1_000;

    /** The columns a {@code CallRecord} maps, in the order {@link #recordAll} inserts them. */
    static final List<Field<?>> COLUMNS = List.of(
            CALL_RECORDS.ID, CALL_RECORDS.TENANT_ID, CALL_RECORDS.CALL_UUID, CALL_RECORDS.DIRECTION,
            CALL_RECORDS.CALLER_ID_NUMBER, CALL_RECORDS.CALLER_ID_NAME, CALL_RECORDS.DESTINATION,
            CALL_RECORDS.EXTENSION, CALL_RECORDS.STATUS, CALL_RECORDS.DURATION_SECONDS, CALL_RECORDS.BILLSEC,
            CALL_RECORDS.FORWARDED_TO, CALL_RECORDS.WAS_VOICEMAIL, CALL_RECORDS.HANGUP_CAUSE,
            CALL_RECORDS.STARTED_AT, CALL_RECORDS.ANSWERED_AT, CALL_RECORDS.ENDED_AT);

    private final DSLContext dsl;
    private final CallRecordQueries queries;
    private final TransactionOperations<Connection> transactions;

    public JdbcCallHistory(DSLContext dsl, TransactionOperations<Connection> transactions) {
        this.dsl = dsl;
        this.queries = new CallRecordQueries(dsl);
        this.transactions = transactions;
    }

    /** The unique call_uuid decides between concurrent reports of the same call's end. */
    @Override
    public boolean record(CallRecord record) {
        return !recordAll(List.of(record)).isEmpty();
    }

    /**
     * Stores the records in one statement (one commit unless the caller has a transaction), each
     * unless a record of the same call exists or comes earlier in the list.
     *
     * @return the call uuids of the records stored
     */
    public Set<UUID> recordAll(List<CallRecord> records) {
        if (records.isEmpty()) {
            return Set.of();
        }
        if (records.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " records per statement, got " + records.size());
        }
        InsertValuesStepN<Record> insert = dsl.insertInto(CALL_RECORDS).columns(COLUMNS);
        for (CallRecord record : records) {
            insert = insert.values(Arrays.asList(record.id(), record.tenant().value(), record.callUuid(),
                    record.direction().wireName(), text(record.callerIdNumber()), text(record.callerIdName()),
                    text(record.destination()), text(record.extension()), record.status().wireName(),
                    record.durationSeconds(), record.billsec(), text(record.forwardedTo()), record.wasVoicemail(),
                    text(record.hangupCause()),
                    record.startedAt(), record.answeredAt(), record.endedAt()));
        }
        return Set.copyOf(insert.onConflict(CALL_RECORDS.CALL_UUID).doNothing()
                .returning(CALL_RECORDS.CALL_UUID)
                .fetch(CALL_RECORDS.CALL_UUID));
    }

    /**
     * PostgreSQL text cannot hold NUL, and the caller chooses what its caller-id says: a NUL
     * would make the database refuse the whole record, keeping the call out of the history. It is
     * stored as U+FFFD, the replacement character, instead.
     */
    private static String text(String callerControlled) {
        return callerControlled == null || callerControlled.indexOf('\u0000') < 0 ? callerControlled
                : callerControlled.replace('\u0000', '\uFFFD');
    }

    @Override
    public Optional<CallRecord> findById(TenantId tenant, UUID id) {
        return dsl.select(COLUMNS).from(CALL_RECORDS)
                .where(CALL_RECORDS.TENANT_ID.eq(tenant.value()).and(CALL_RECORDS.ID.eq(id)))
                .fetchOptional(JdbcCallHistory::toRecord);
    }

    @Override
    public Optional<CallRecord> findByIdInAnyTenant(UUID id) {
        return dsl.select(COLUMNS).from(CALL_RECORDS).where(CALL_RECORDS.ID.eq(id))
                .fetchOptional(JdbcCallHistory::toRecord);
    }

    @Override
    public Page<CallRecord> find(CallQuery query, PageRequest page) {
        long total = queries.count(query).fetchSingle().value1();
        List<CallRecord> items = total <= page.offset() ? List.of()
                : queries.page(query, page).fetch(JdbcCallHistory::toRecord);
        return new Page<>(items, page, total);
    }

    /**
     * PostgreSQL's driver reads a result in batches through a server-side cursor only inside a
     * transaction and with a fetch size; otherwise it loads every row before handing out the first.
     * Joins the caller's transaction when there is one.
     */
    @Override
    public void stream(CallQuery query, Optional<Integer> limit, Consumer<CallRecord> sink) {
        transactions.executeRead(status -> {
            ResultQuery<Record> select = limit.<ResultQuery<Record>>map(n -> queries.newestFirst(query).limit(n))
                    .orElseGet(() -> queries.newestFirst(query));
            try (Stream<Record> rows = select.fetchSize(STREAM_FETCH_SIZE).fetchStream()) {
                rows.map(JdbcCallHistory::toRecord).forEach(sink);
            }
            return null;
        });
    }

    /** One pass over the period's rows, counted by direction with FILTER clauses. */
    @Override
    public CallStats stats(CallQuery query) {
        Condition scope = CallRecordFilter.of(query);
        Record4<Integer, Integer, Integer, Integer> counts = dsl.select(
                        DSL.count(),
                        DSL.count().filterWhere(CALL_RECORDS.DIRECTION.eq(CallDirection.INBOUND.wireName())),
                        DSL.count().filterWhere(CALL_RECORDS.DIRECTION.eq(CallDirection.OUTBOUND.wireName())),
                        DSL.count().filterWhere(CALL_RECORDS.DIRECTION.eq(CallDirection.INTERNAL.wireName())))
                .from(CALL_RECORDS)
                .where(scope)
                .fetchSingle();
        return new CallStats(counts.value1(), counts.value2(), counts.value3(), counts.value4());
    }

    static CallRecord toRecord(Record row) {
        return new CallRecord(row.get(CALL_RECORDS.ID), TenantId.of(row.get(CALL_RECORDS.TENANT_ID)),
                row.get(CALL_RECORDS.CALL_UUID), Enums.fromColumn(CallDirection.class, row.get(CALL_RECORDS.DIRECTION)),
                row.get(CALL_RECORDS.CALLER_ID_NUMBER), row.get(CALL_RECORDS.CALLER_ID_NAME),
                row.get(CALL_RECORDS.DESTINATION), row.get(CALL_RECORDS.EXTENSION),
                Enums.fromColumn(CallStatus.class, row.get(CALL_RECORDS.STATUS)),
                row.get(CALL_RECORDS.DURATION_SECONDS), row.get(CALL_RECORDS.BILLSEC), row.get(CALL_RECORDS.FORWARDED_TO), row.get(CALL_RECORDS.WAS_VOICEMAIL),
                row.get(CALL_RECORDS.HANGUP_CAUSE), row.get(CALL_RECORDS.STARTED_AT), row.get(CALL_RECORDS.ANSWERED_AT),
                row.get(CALL_RECORDS.ENDED_AT));
    }
}
