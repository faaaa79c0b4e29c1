package com.cloudpbx.storage.postgres.calls;

import static com.cloudpbx.storage.postgres.schema.Tables.CALL_RECORDS;

import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.core.shared.PageRequest;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.SelectLimitStep;

/**
 * The SELECTs behind {@link JdbcCallHistory}, apart from it so tests can EXPLAIN the very SQL it
 * runs. (They cannot be methods of the repository: its connection advice would take the returned
 * queries, which are also reactive publishers, for results to subscribe to.)
 */
record CallRecordQueries(DSLContext dsl) {

    /** Newest first, the id breaking ties, so pages never overlap or skip. */
    SelectLimitStep<Record> newestFirst(CallQuery query) {
        return dsl.select(JdbcCallHistory.COLUMNS).from(CALL_RECORDS).where(CallRecordFilter.of(query))
                .orderBy(CALL_RECORDS.STARTED_AT.desc(), CALL_RECORDS.ID.desc());
    }

    ResultQuery<Record> page(CallQuery query, PageRequest page) {
        return newestFirst(query).offset(page.offset()).limit(page.limit());
    }

    ResultQuery<Record1<Integer>> count(CallQuery query) {
        return dsl.selectCount().from(CALL_RECORDS).where(CallRecordFilter.of(query));
    }
}
