package com.cloudpbx.storage.postgres;

import com.cloudpbx.core.shared.DomainException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Turns PostgreSQL's unique violations into a domain answer. Use cases check for duplicates
 * first, but two concurrent requests can both pass that check; the constraint then decides,
 * and the loser must get a 400 rather than a 500.
 */
public final class UniqueViolations {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** Runs a write; a unique violation becomes {@code DUPLICATE} with the given sentence. */
    public static void translate(Runnable write, Supplier<String> sentence) {
        try {
            write.run();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw DomainException.badRequest("DUPLICATE", sentence.get());
            }
            throw e;
        }
    }

    /** Whether a unique violation is anywhere in the cause chain, whichever library wrapped it. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.jooq.exception.DataAccessException jooq && UNIQUE_VIOLATION.equals(jooq.sqlState())) {
                return true;
            }
        }
        return false;
    }
}
