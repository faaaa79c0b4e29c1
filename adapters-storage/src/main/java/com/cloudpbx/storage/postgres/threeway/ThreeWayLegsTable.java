package com.cloudpbx.storage.postgres.threeway;

import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code three_way_legs} table (V5), typed for jOOQ without generated code. Its columns are
 * qualified because {@code moderator} is also a column of the sessions table they are read with.
 */
final class ThreeWayLegsTable {

    static final Table<Record> THREE_WAY_LEGS = DSL.table(DSL.name("three_way_legs"));
    static final Field<UUID> LEG = DSL.field(DSL.name("three_way_legs", "leg"), SQLDataType.UUID);
    static final Field<UUID> MODERATOR = DSL.field(DSL.name("three_way_legs", "moderator"), SQLDataType.UUID);

    private ThreeWayLegsTable() {
    }
}
