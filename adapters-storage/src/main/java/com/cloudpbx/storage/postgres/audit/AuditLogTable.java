package com.cloudpbx.storage.postgres.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code audit_log} table (V1), typed for the jOOQ filter query. */
final class AuditLogTable {

    static final Table<Record> AUDIT_LOG = DSL.table(DSL.name("audit_log"));
    static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    static final Field<Instant> AT = DSL.field(DSL.name("at"), SQLDataType.INSTANT);
    static final Field<UUID> ACTOR_ID = DSL.field(DSL.name("actor_id"), SQLDataType.UUID);
    static final Field<String> ACTOR_KIND = DSL.field(DSL.name("actor_kind"), SQLDataType.CLOB);
    static final Field<UUID> TENANT_ID = DSL.field(DSL.name("tenant_id"), SQLDataType.UUID);
    static final Field<String> ACTION = DSL.field(DSL.name("action"), SQLDataType.CLOB);
    static final Field<String> RESOURCE = DSL.field(DSL.name("resource"), SQLDataType.CLOB);
    static final Field<String> RESOURCE_ID = DSL.field(DSL.name("resource_id"), SQLDataType.CLOB);
    static final Field<String> CLIENT_IP = DSL.field(DSL.name("client_ip"), SQLDataType.CLOB);

    /** Every column, typed: selecting these (not *) makes jOOQ read each as its declared Java type. */
    static final List<Field<?>> COLUMNS = List.of(
            ID, AT, ACTOR_ID, ACTOR_KIND, TENANT_ID, ACTION, RESOURCE, RESOURCE_ID, CLIENT_IP);

    private AuditLogTable() {
    }
}
