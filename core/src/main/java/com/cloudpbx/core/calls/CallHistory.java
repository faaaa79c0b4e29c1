package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Port: the durable call history. */
public interface CallHistory {

    /** Stores the record unless one for the same call exists; true when this call stored it. */
    boolean record(CallRecord record);

    Optional<CallRecord> findById(UUID id);

    /** Newest first. */
    Page<CallRecord> find(CallQuery query, PageRequest page);

    /** Streams matching records newest first without holding them all in memory. */
    void stream(CallQuery query, Optional<Integer> limit, Consumer<CallRecord> sink);

    /** Counts by direction of the calls the query matches. */
    CallStats stats(CallQuery query);
}
