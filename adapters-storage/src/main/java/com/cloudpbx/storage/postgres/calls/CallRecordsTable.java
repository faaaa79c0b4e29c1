package com.cloudpbx.storage.postgres.calls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code call_records} table (V4), typed for jOOQ without generated code. */
final class CallRecordsTable {

    static final Table<Record> CALL_RECORDS = DSL.table(DSL.name("call_records"));
    static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    static final Field<UUID> TENANT_ID = DSL.field(DSL.name("tenant_id"), SQLDataType.UUID);
    static final Field<UUID> CALL_UUID = DSL.field(DSL.name("call_uuid"), SQLDataType.UUID);
    static final Field<String> DIRECTION = DSL.field(DSL.name("direction"), SQLDataType.CLOB);
    static final Field<String> CALLER_ID_NUMBER = DSL.field(DSL.name("caller_id_number"), SQLDataType.CLOB);
    static final Field<String> CALLER_ID_NAME = DSL.field(DSL.name("caller_id_name"), SQLDataType.CLOB);
    static final Field<String> DESTINATION = DSL.field(DSL.name("destination"), SQLDataType.CLOB);
    static final Field<String> EXTENSION = DSL.field(DSL.name("extension"), SQLDataType.CLOB);
    static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);
    static final Field<Long> DURATION_SECONDS = DSL.field(DSL.name("duration_seconds"), SQLDataType.BIGINT);
    static final Field<Long> BILLSEC = DSL.field(DSL.name("billsec"), SQLDataType.BIGINT);
    static final Field<String> FORWARDED_TO = DSL.field(DSL.name("forwarded_to"), SQLDataType.CLOB);
    static final Field<Boolean> WAS_VOICEMAIL = DSL.field(DSL.name("was_voicemail"), SQLDataType.BOOLEAN);
    static final Field<String> HANGUP_CAUSE = DSL.field(DSL.name("hangup_cause"), SQLDataType.CLOB);
    static final Field<Instant> STARTED_AT = DSL.field(DSL.name("started_at"), SQLDataType.INSTANT);
    static final Field<Instant> ANSWERED_AT = DSL.field(DSL.name("answered_at"), SQLDataType.INSTANT);
    static final Field<Instant> ENDED_AT = DSL.field(DSL.name("ended_at"), SQLDataType.INSTANT);

    /**
     * Caller number, caller name and destination as one lowercase text: the expression of the
     * trigram index {@code call_records_search_trgm_idx}. Written as SQL, with its literals
     * inline, because PostgreSQL uses an expression index only for the identical expression.
     */
    static final Field<String> SEARCH_TEXT = DSL.field(
            "lower(coalesce({0}, '') || ' ' || coalesce({1}, '') || ' ' || coalesce({2}, ''))",
            SQLDataType.CLOB, CALLER_ID_NUMBER, CALLER_ID_NAME, DESTINATION);

    /** Every column a {@code CallRecord} maps, typed: selecting these (not *) reads each as its Java type. */
    static final List<Field<?>> COLUMNS = List.of(
            ID, TENANT_ID, CALL_UUID, DIRECTION, CALLER_ID_NUMBER, CALLER_ID_NAME, DESTINATION, EXTENSION, STATUS,
            DURATION_SECONDS, BILLSEC, FORWARDED_TO, WAS_VOICEMAIL, HANGUP_CAUSE, STARTED_AT, ANSWERED_AT, ENDED_AT);

    private CallRecordsTable() {
    }
}
