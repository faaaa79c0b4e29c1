package com.cloudpbx.storage.postgres.idempotency;

import com.cloudpbx.core.idempotency.port.IdempotencyStore.Slot;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code idempotency_keys} table (V4, tenant scope since V8), typed for jOOQ without generated code. */
final class IdempotencyKeysTable {

    static final Table<Record> IDEMPOTENCY_KEYS = DSL.table(DSL.name("idempotency_keys"));
    static final Field<UUID> PRINCIPAL_ID = DSL.field(DSL.name("principal_id"), SQLDataType.UUID);
    static final Field<String> TENANT_SCOPE = DSL.field(DSL.name("tenant_scope"), SQLDataType.CLOB);
    static final Field<String> KEY = DSL.field(DSL.name("key"), SQLDataType.CLOB);
    static final Field<String> REQUEST_HASH = DSL.field(DSL.name("request_hash"), SQLDataType.CLOB);
    static final Field<Integer> RESPONSE_STATUS = DSL.field(DSL.name("response_status"), SQLDataType.INTEGER);
    static final Field<String> RESPONSE_BODY = DSL.field(DSL.name("response_body"), SQLDataType.CLOB);
    static final Field<Instant> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.INSTANT);

    /** How a superadmin acting in no tenant is stored. */
    private static final String NO_TENANT = "*";

    private IdempotencyKeysTable() {
    }

    static String tenantScope(Slot slot) {
        return slot.tenant().map(TenantId::toString).orElse(NO_TENANT);
    }

    /** The row of the slot: the whole primary key. */
    static Condition isSlot(Slot slot) {
        return PRINCIPAL_ID.eq(slot.principal()).and(TENANT_SCOPE.eq(tenantScope(slot))).and(KEY.eq(slot.key()));
    }
}
