package com.cloudpbx.storage.postgres.calls;

import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.core.calls.CallStats;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.context.annotation.Primary;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The call history the application uses: {@link JdbcCallHistory}, except that records handed over
 * with {@link #submit} (every call's end, from call tracking) are stored in batches by a
 * {@link CallRecordWriter}. A commit takes a disk flush, a few milliseconds; one per call on the
 * thread that applies media events would cap a switch at a few hundred calls per second, while a
 * batch commits as many calls as ended meanwhile. A submitted record shows up in reads once its
 * batch is committed, a few milliseconds later. Exports stream through {@link JdbcCallExport}, on
 * the exports' own small pool.
 */
@Singleton
@Primary
public class BatchingCallHistory implements CallHistory, AutoCloseable {

    private final CallHistory store;
    private final CallRecordWriter writer;
    private final Streaming exports;

    /** Streams an export's records to a sink; see {@link JdbcCallExport}. */
    @FunctionalInterface
    public interface Streaming {
        void stream(CallQuery query, Optional<Integer> limit, Consumer<CallRecord> sink);
    }

    @Inject
    public BatchingCallHistory(JdbcCallHistory store, JdbcCallExport exports) {
        this(store, store::recordAll, CallRecordWriter.Settings.defaults(), exports::stream);
    }

    /**
     * @param store   reads and single records
     * @param batches stores a batch of records durably (at most {@link JdbcCallHistory#MAX_BATCH}), or throws
     */
    public BatchingCallHistory(CallHistory store, Consumer<List<CallRecord>> batches) {
        this(store, batches, CallRecordWriter.Settings.defaults());
    }

    BatchingCallHistory(CallHistory store, Consumer<List<CallRecord>> batches, CallRecordWriter.Settings settings) {
        this(store, batches, settings, store::stream);
    }

    private BatchingCallHistory(CallHistory store, Consumer<List<CallRecord>> batches,
                                CallRecordWriter.Settings settings, Streaming exports) {
        this.store = store;
        this.exports = exports;
        this.writer = new CallRecordWriter(batches, settings);
    }

    @Override
    public void submit(CallRecord record) {
        writer.submit(record);
    }

    @Override
    public boolean record(CallRecord record) {
        return store.record(record);
    }

    @Override
    public Optional<CallRecord> findById(TenantId tenant, UUID id) {
        return store.findById(tenant, id);
    }

    @Override
    public Optional<CallRecord> findByIdInAnyTenant(UUID id) {
        return store.findByIdInAnyTenant(id);
    }

    @Override
    public Page<CallRecord> find(CallQuery query, PageRequest page) {
        return store.find(query, page);
    }

    @Override
    public void stream(CallQuery query, Optional<Integer> limit, Consumer<CallRecord> sink) {
        exports.stream(query, limit, sink);
    }

    @Override
    public CallStats stats(CallQuery query) {
        return store.stats(query);
    }

    /** Submitted records not stored (or refused) yet. */
    public long pending() {
        return writer.pending();
    }

    /** Stores what was submitted before returning. */
    @PreDestroy
    @Override
    public void close() {
        writer.close();
    }
}
