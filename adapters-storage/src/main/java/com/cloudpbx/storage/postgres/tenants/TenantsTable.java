package com.cloudpbx.storage.postgres.tenants;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code tenants} table (V1), typed for jOOQ without generated code. */
public final class TenantsTable {

    public static final Table<Record> TENANTS = DSL.table(DSL.name("tenants"));
    public static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    public static final Field<String> COMPANY_NAME = DSL.field(DSL.name("company_name"), SQLDataType.CLOB);
    public static final Field<String> SUBDOMAIN = DSL.field(DSL.name("subdomain"), SQLDataType.CLOB);
    public static final Field<String> SIP_DOMAIN = DSL.field(DSL.name("sip_domain"), SQLDataType.CLOB);
    public static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);
    public static final Field<Instant> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.INSTANT);
    public static final Field<Instant> UPDATED_AT = DSL.field(DSL.name("updated_at"), SQLDataType.INSTANT);

    /** Every column, typed: selecting these (not *) makes jOOQ read each as its declared Java type. */
    public static final List<Field<?>> COLUMNS = List.of(
            ID, COMPANY_NAME, SUBDOMAIN, SIP_DOMAIN, STATUS, CREATED_AT, UPDATED_AT);

    private TenantsTable() {
    }
}
