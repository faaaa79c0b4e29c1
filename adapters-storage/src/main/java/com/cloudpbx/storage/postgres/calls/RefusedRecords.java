package com.cloudpbx.storage.postgres.calls;

import java.sql.SQLException;

/**
 * Tells a write the database refuses for what is in it from one that failed for now. A refused
 * record fails the same way however often it is retried (its tenant was deleted meanwhile, a
 * value breaks a constraint); retrying its batch would hold up every record behind it for good.
 */
final class RefusedRecords {

    /** SQLSTATE classes of data the statement itself is wrong about: data exception, integrity constraint violation. */
    private static final String DATA_EXCEPTION = "22";
    private static final String INTEGRITY_VIOLATION = "23";

    private RefusedRecords() {
    }

    /** Whether the failure names a refused record anywhere in its cause chain, whichever library wrapped it. */
    static boolean isRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException sql ? sql.getSQLState()
                    : t instanceof org.jooq.exception.DataAccessException jooq ? jooq.sqlState() : null;
            if (state != null && (state.startsWith(DATA_EXCEPTION) || state.startsWith(INTEGRITY_VIOLATION))) {
                return true;
            }
        }
        return false;
    }
}
