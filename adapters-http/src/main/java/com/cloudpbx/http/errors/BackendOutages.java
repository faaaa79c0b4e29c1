package com.cloudpbx.http.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure of the database itself (unreachable, refusing connections, restarting, out of
 * connections) from a failure of the request or a bug. Whatever layer wrapped it (the pool, jOOQ,
 * the transaction manager), the JDBC exception underneath says which it is: its type, or its
 * SQLSTATE class. Such a failure is answered 503 {@code BACKEND_UNAVAILABLE}: the request changed
 * nothing (its transaction could not commit) and may be sent again once the database is back.
 */
public final class BackendOutages {

    public static final String CODE = "BACKEND_UNAVAILABLE";
    public static final String SENTENCE =
        "The database is unavailable right now; nothing was changed, retry in a few seconds";
    /** Seconds a client should wait before retrying: about the pool's connection timeout. */
    public static final int RETRY_AFTER_SECONDS = 5;

    // 08 connection exception, 57P01-57P03 shutdown/crash/cannot connect now, 53300 too many
    // connections, 55000 "database is not accepting connections" (ALLOW_CONNECTIONS false).
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "55000");
    private static final String CONNECTION_CLASS = "08";
    private static final int MAX_DEPTH = 16;

    private BackendOutages() {
    }

    public static boolean isOutage(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
            Throwable next = current.getCause();
            current = next == current ? null : next;
        }
        return false;
    }

    private static boolean isOutage(SQLException failure) {
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
            || failure instanceof SQLRecoverableException) {
            return true;
        }
        String state = failure.getSQLState();
        return state != null && (state.startsWith(CONNECTION_CLASS) || OUTAGE_STATES.contains(state));
    }
}
