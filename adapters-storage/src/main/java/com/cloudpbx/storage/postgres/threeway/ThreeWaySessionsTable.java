package com.cloudpbx.storage.postgres.threeway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code three_way_sessions} table (V5, guests since V10), typed for jOOQ without generated code. */
final class ThreeWaySessionsTable {

    static final Table<Record> THREE_WAY_SESSIONS = DSL.table(DSL.name("three_way_sessions"));
    static final Field<UUID> MODERATOR = DSL.field(DSL.name("moderator"), SQLDataType.UUID);
    static final Field<UUID> TENANT_ID = DSL.field(DSL.name("tenant_id"), SQLDataType.UUID);
    static final Field<String> STATE = DSL.field(DSL.name("state"), SQLDataType.CLOB);
    static final Field<UUID> FIRST_PARTY = DSL.field(DSL.name("first_party"), SQLDataType.UUID);
    static final Field<UUID> SECOND_PARTY = DSL.field(DSL.name("second_party"), SQLDataType.UUID);
    static final Field<String> CONFERENCE = DSL.field(DSL.name("conference"), SQLDataType.CLOB);
    static final Field<JSONB> MEMBERS = DSL.field(DSL.name("members"), SQLDataType.JSONB);
    static final Field<UUID[]> ENDED = DSL.field(DSL.name("ended"), SQLDataType.UUID.array());
    static final Field<UUID[]> GUESTS = DSL.field(DSL.name("guests"), SQLDataType.UUID.array());
    static final Field<Long> VERSION = DSL.field(DSL.name("version"), SQLDataType.BIGINT);
    static final Field<Instant> UPDATED_AT = DSL.field(DSL.name("updated_at"), SQLDataType.INSTANT);

    /**
     * The members object taken apart by PostgreSQL into its legs and its member ids, both in key
     * order so that they pair up by position: reading it back needs no JSON library.
     */
    static final Field<UUID[]> MEMBER_LEGS = DSL.field(
            "array(select key::uuid from jsonb_each_text({0}) order by key)", SQLDataType.UUID.array(), MEMBERS);
    static final Field<String[]> MEMBER_IDS = DSL.field(
            "array(select value from jsonb_each_text({0}) order by key)", SQLDataType.CLOB.array(), MEMBERS);

    /** What a session is read from, typed: selecting these (not *) reads each as its Java type. */
    static final List<Field<?>> COLUMNS = List.of(
            MODERATOR, TENANT_ID, STATE, FIRST_PARTY, SECOND_PARTY, CONFERENCE, GUESTS, MEMBER_LEGS, MEMBER_IDS,
            ENDED, VERSION);

    private ThreeWaySessionsTable() {
    }
}
