package com.cloudpbx.storage.postgres.calls;

import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.core.calls.CallRecord;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Streams call records for exports through a server-side cursor on the {@value #DATASOURCE}
 * data source: a small pool of its own. An export holds its connection for as long as its client
 * takes to read, so exports, however many and however slow, can only ever tie up that pool and
 * never the connections that calls, logins and every other request need.
 */
@Singleton
public class JdbcCallExport {

    /** The name of the exports' data source ({@code datasources.export.*}). */
    public static final String DATASOURCE = "export";

    private final TransactionOperations<Connection> transactions;

    public JdbcCallExport(@Named(DATASOURCE) TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * PostgreSQL's driver reads a result in batches through a server-side cursor only inside a
     * transaction and with a fetch size; otherwise it loads every row before handing out the first.
     */
    public void stream(CallQuery query, Optional<Integer> limit, Consumer<CallRecord> sink) {
        transactions.executeRead(status -> {
            CallRecordQueries queries = new CallRecordQueries(DSL.using(status.getConnection(), SQLDialect.POSTGRES));
            ResultQuery<Record> select = limit.<ResultQuery<Record>>map(n -> queries.newestFirst(query).limit(n))
                    .orElseGet(() -> queries.newestFirst(query));
            try (Stream<Record> rows = select.fetchSize(JdbcCallHistory.STREAM_FETCH_SIZE).fetchStream()) {
                rows.map(JdbcCallHistory::toRecord).forEach(sink);
            }
            return null;
        });
    }
}
