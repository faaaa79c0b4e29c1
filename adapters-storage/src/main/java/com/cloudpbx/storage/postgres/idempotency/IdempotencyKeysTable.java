package com.cloudpbx.storage.postgres.idempotency;

import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code idempotency_keys} table (V4), typed for jOOQ without generated code. */
final class IdempotencyKeysTable {

    static final Table<Record> IDEMPOTENCY_KEYS = DSL.table(DSL.name("idempotency_keys"));
    static final Field<UUID> PRINCIPAL_ID = DSL.field(DSL.name("principal_id"), SQLDataType.UUID);
    static final Field<String> KEY = DSL.field(DSL.name("key"), SQLDataType.CLOB);
    static final Field<String> REQUEST_HASH = DSL.field(DSL.name("request_hash"), SQLDataType.CLOB);
    static final Field<Integer> RESPONSE_STATUS = DSL.field(DSL.name("response_status"), SQLDataType.INTEGER);
    static final Field<String> RESPONSE_BODY = DSL.field(DSL.name("response_body"), SQLDataType.CLOB);
    static final Field<Instant> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.INSTANT);

    private IdempotencyKeysTable() {
    }
}
