package com.cloudpbx.storage.postgres.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code accounts} table (V1), typed for jOOQ without generated code. */
public final class AccountsTable {

    public static final Table<Record> ACCOUNTS = DSL.table(DSL.name("accounts"));
    public static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    public static final Field<UUID> TENANT_ID = DSL.field(DSL.name("tenant_id"), SQLDataType.UUID);
    public static final Field<String> KIND = DSL.field(DSL.name("kind"), SQLDataType.CLOB);
    public static final Field<String> EMAIL = DSL.field(DSL.name("email"), SQLDataType.CLOB);
    public static final Field<String> DISPLAY_NAME = DSL.field(DSL.name("display_name"), SQLDataType.CLOB);
    public static final Field<String> PASSWORD_HASH = DSL.field(DSL.name("password_hash"), SQLDataType.CLOB);
    public static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);
    public static final Field<Instant> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.INSTANT);
    public static final Field<Instant> UPDATED_AT = DSL.field(DSL.name("updated_at"), SQLDataType.INSTANT);
    public static final Field<Instant> LAST_LOGIN_AT = DSL.field(DSL.name("last_login_at"), SQLDataType.INSTANT);

    /** Every column, typed: selecting these (not *) makes jOOQ read each as its declared Java type. */
    public static final List<Field<?>> COLUMNS = List.of(
            ID, TENANT_ID, KIND, EMAIL, DISPLAY_NAME, PASSWORD_HASH, STATUS, CREATED_AT, UPDATED_AT, LAST_LOGIN_AT);

    private AccountsTable() {
    }
}
