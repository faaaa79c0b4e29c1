package com.cloudpbx.storage.postgres.routing;

import java.sql.SQLException;

/** Finds PostgreSQL's foreign-key violation in a failure, whichever library wrapped it. */
final class ForeignKeyViolations {

    /** PostgreSQL's SQLSTATE for foreign_key_violation. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private ForeignKeyViolations() {
    }

    static boolean isForeignKeyViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.jooq.exception.DataAccessException jooq
                    && FOREIGN_KEY_VIOLATION.equals(jooq.sqlState())) {
                return true;
            }
        }
        return false;
    }
}
