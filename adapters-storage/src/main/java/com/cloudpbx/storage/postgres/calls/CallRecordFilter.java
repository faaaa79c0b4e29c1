package com.cloudpbx.storage.postgres.calls;

import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.CALLER_ID_NAME;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.CALLER_ID_NUMBER;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.DESTINATION;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.DIRECTION;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.EXTENSION;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.FORWARDED_TO;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.SEARCH_TEXT;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.STARTED_AT;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.STATUS;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.TENANT_ID;

import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.storage.postgres.Timestamps;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** The WHERE clause of a {@link CallQuery}: one condition per filter the caller set. */
final class CallRecordFilter {

    /** LIKE's escape character; user input is escaped with it so % and _ match themselves. */
    private static final char ESCAPE = '\\';

    private CallRecordFilter() {
    }

    static Condition of(CallQuery query) {
        List<Condition> conditions = new ArrayList<>();
        query.tenant().ifPresent(tenant -> conditions.add(TENANT_ID.eq(tenant.value())));
        query.direction().ifPresent(direction -> conditions.add(DIRECTION.eq(direction.wireName())));
        query.status().ifPresent(status -> conditions.add(STATUS.eq(status.wireName())));
        query.from().ifPresent(from -> conditions.add(STARTED_AT.ge(Timestamps.ceilToMicros(from))));
        query.toExclusive().ifPresent(to -> conditions.add(STARTED_AT.lt(Timestamps.ceilToMicros(to))));
        query.extension().ifPresent(extension -> conditions.add(
                EXTENSION.eq(extension).or(CALLER_ID_NUMBER.eq(extension)).or(DESTINATION.eq(extension))));
        query.number().ifPresent(number -> conditions.add(numberContains(number)));
        query.forwarded().ifPresent(forwarded -> conditions.add(
                forwarded ? FORWARDED_TO.isNotNull() : FORWARDED_TO.isNull()));
        query.forwardedTo().ifPresent(target -> conditions.add(
                FORWARDED_TO.likeIgnoreCase(containing(target), ESCAPE)));
        return DSL.and(conditions);
    }

    /**
     * The search text (all three fields joined) is what the trigram index can find quickly, but it
     * would also match a term spanning two fields; the per-field ILIKEs then keep exact matches.
     */
    private static Condition numberContains(String number) {
        String pattern = containing(number);
        Condition indexed = SEARCH_TEXT.like(DSL.lower(DSL.val(pattern)), ESCAPE);
        Condition exact = CALLER_ID_NUMBER.likeIgnoreCase(pattern, ESCAPE)
                .or(CALLER_ID_NAME.likeIgnoreCase(pattern, ESCAPE))
                .or(DESTINATION.likeIgnoreCase(pattern, ESCAPE));
        return indexed.and(exact);
    }

    /** A LIKE pattern matching the text anywhere, with the text's own wildcards taken literally. */
    static String containing(String text) {
        String literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
