package com.cloudpbx.storage.postgres.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code api_keys} table (V1, V2), typed for jOOQ without generated code. */
public final class ApiKeysTable {

    public static final Table<Record> API_KEYS = DSL.table(DSL.name("api_keys"));
    public static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    public static final Field<UUID> TENANT_ID = DSL.field(DSL.name("tenant_id"), SQLDataType.UUID);
    public static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.CLOB);
    public static final Field<String> ROLE = DSL.field(DSL.name("role"), SQLDataType.CLOB);
    public static final Field<String[]> SCOPES = DSL.field(DSL.name("scopes"), SQLDataType.CLOB.array());
    public static final Field<UUID> EXTENSION_ID = DSL.field(DSL.name("extension_id"), SQLDataType.UUID);
    public static final Field<String> KEY_HASH = DSL.field(DSL.name("key_hash"), SQLDataType.CLOB);
    public static final Field<String> KEY_LAST8 = DSL.field(DSL.name("key_last8"), SQLDataType.CLOB);
    public static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);
    public static final Field<Instant> EXPIRES_AT = DSL.field(DSL.name("expires_at"), SQLDataType.INSTANT);
    public static final Field<Instant> LAST_USED_AT = DSL.field(DSL.name("last_used_at"), SQLDataType.INSTANT);
    public static final Field<UUID> CREATED_BY = DSL.field(DSL.name("created_by"), SQLDataType.UUID);
    public static final Field<Instant> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.INSTANT);
    public static final Field<Instant> REVOKED_AT = DSL.field(DSL.name("revoked_at"), SQLDataType.INSTANT);

    /** Every column, typed: selecting these (not *) makes jOOQ read each as its declared Java type. */
    public static final List<Field<?>> COLUMNS = List.of(
            ID, TENANT_ID, NAME, ROLE, SCOPES, EXTENSION_ID, KEY_HASH, KEY_LAST8, STATUS, EXPIRES_AT, LAST_USED_AT,
            CREATED_BY, CREATED_AT, REVOKED_AT);

    private ApiKeysTable() {
    }
}
