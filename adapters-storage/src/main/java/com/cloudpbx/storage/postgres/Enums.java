package com.cloudpbx.storage.postgres;

import java.util.Locale;

/**
 * Enum columns hold the constant's name in lowercase, the same text as the enums' wire names.
 * This maps the enums that have no parse method of their own (AccountKind, AccountStatus,
 * ApiKeyStatus); a value outside the column's CHECK constraint cannot come back.
 */
public final class Enums {

    private Enums() {
    }

    public static String column(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E fromColumn(Class<E> type, String value) {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }
}
