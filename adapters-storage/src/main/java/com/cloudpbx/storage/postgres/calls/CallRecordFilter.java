package com.cloudpbx.storage.postgres.calls;

import static com.cloudpbx.storage.postgres.schema.Tables.CALL_RECORDS;

import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.storage.postgres.Timestamps;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The WHERE clause of a {@link CallQuery}: one condition per filter the caller set. */
final class CallRecordFilter {

    /** LIKE's escape character; user input is escaped with it so % and _ match themselves. */
    private static final char ESCAPE = '\\';

    /**
     * Caller number, caller name and destination as one lowercase text: the expression of the
     * trigram index {@code call_records_search_trgm_idx} (V4). Written as SQL, with its literals
     * inline, because PostgreSQL uses an expression index only for the identical expression.
     */
    static final Field<String> SEARCH_TEXT = DSL.field(
            "lower(coalesce({0}, '') || ' ' || coalesce({1}, '') || ' ' || coalesce({2}, ''))",
            SQLDataType.CLOB, CALL_RECORDS.CALLER_ID_NUMBER, CALL_RECORDS.CALLER_ID_NAME, CALL_RECORDS.DESTINATION);

    private CallRecordFilter() {
    }

    static Condition of(CallQuery query) {
        List<Condition> conditions = new ArrayList<>();
        query.tenant().ifPresent(tenant -> conditions.add(CALL_RECORDS.TENANT_ID.eq(tenant.value())));
        query.direction().ifPresent(direction -> conditions.add(CALL_RECORDS.DIRECTION.eq(direction.wireName())));
        query.status().ifPresent(status -> conditions.add(CALL_RECORDS.STATUS.eq(status.wireName())));
        query.from().ifPresent(from -> conditions.add(CALL_RECORDS.STARTED_AT.ge(Timestamps.ceilToMicros(from))));
        query.toExclusive().ifPresent(to -> conditions.add(CALL_RECORDS.STARTED_AT.lt(Timestamps.ceilToMicros(to))));
        query.extension().ifPresent(extension -> conditions.add(
                CALL_RECORDS.EXTENSION.eq(extension)
                        .or(CALL_RECORDS.CALLER_ID_NUMBER.eq(extension))
                        .or(CALL_RECORDS.DESTINATION.eq(extension))));
        query.number().ifPresent(number -> conditions.add(numberContains(number)));
        query.forwarded().ifPresent(forwarded -> conditions.add(
                forwarded ? CALL_RECORDS.FORWARDED_TO.isNotNull() : CALL_RECORDS.FORWARDED_TO.isNull()));
        query.forwardedTo().ifPresent(target -> conditions.add(
                CALL_RECORDS.FORWARDED_TO.likeIgnoreCase(containing(target), ESCAPE)));
        return DSL.and(conditions);
    }

    /**
     * The search text (all three fields joined) is what the trigram index can find quickly, but it
     * would also match a term spanning two fields; the per-field ILIKEs then keep exact matches.
     */
    private static Condition numberContains(String number) {
        String pattern = containing(number);
        Condition indexed = SEARCH_TEXT.like(DSL.lower(DSL.val(pattern)), ESCAPE);
        Condition exact = CALL_RECORDS.CALLER_ID_NUMBER.likeIgnoreCase(pattern, ESCAPE)
                .or(CALL_RECORDS.CALLER_ID_NAME.likeIgnoreCase(pattern, ESCAPE))
                .or(CALL_RECORDS.DESTINATION.likeIgnoreCase(pattern, ESCAPE));
        return indexed.and(exact);
    }

    /** A LIKE pattern matching the text anywhere, with the text's own wildcards taken literally. */
    static String containing(String text) {
        String literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
