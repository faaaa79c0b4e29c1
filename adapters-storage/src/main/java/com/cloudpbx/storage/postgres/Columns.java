package com.cloudpbx.storage.postgres;

import org.jooq.Field;
import org.jooq.impl.DSL;

/** Small helpers for binding values to table columns. */
public final class Columns {

    private Columns() {
    }

    /** The value, or the column's DEFAULT (now() for timestamps) when the domain left it unset. */
    public static <T> Field<T> valueOrDefault(T value, Field<T> column) {
        return value == null ? DSL.defaultValue(column) : DSL.val(value, column);
    }
}
