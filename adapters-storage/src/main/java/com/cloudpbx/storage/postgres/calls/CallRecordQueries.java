package com.cloudpbx.storage.postgres.calls;

import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.CALL_RECORDS;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.COLUMNS;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.ID;
import static com.cloudpbx.storage.postgres.calls.CallRecordsTable.STARTED_AT;

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
        return dsl.select(COLUMNS).from(CALL_RECORDS).where(CallRecordFilter.of(query))
                .orderBy(STARTED_AT.desc(), ID.desc());
    }

    ResultQuery<Record> page(CallQuery query, PageRequest page) {
        return newestFirst(query).offset(page.offset()).limit(page.limit());
    }

    ResultQuery<Record1<Integer>> count(CallQuery query) {
        return dsl.selectCount().from(CALL_RECORDS).where(CallRecordFilter.of(query));
    }
}
