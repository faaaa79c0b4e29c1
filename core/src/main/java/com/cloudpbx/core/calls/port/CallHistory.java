package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.core.calls.CallStats;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Port: the durable call history. */
public interface CallHistory {

    /** Stores the record unless one for the same call exists; true when this call stored it. */
    boolean record(CallRecord record);

    /**
     * Hands the record over to be stored as {@link #record} stores it, but maybe later, together
     * with others, so that the caller need not wait for the write: records are stored in the
     * order handed over, and one that was taken is stored even if the first attempts fail (unless
     * the store refuses the record itself, e.g. of a tenant deleted meanwhile). May block while the
     * store is behind. This default stores it at once.
     */
    default void submit(CallRecord record) {
        record(record);
    }

    /** The tenant's record with this id; empty when it is another tenant's. */
    Optional<CallRecord> findById(TenantId tenant, UUID id);

    /** The record with this id whatever its tenant: for a superadmin acting in no tenant. */
    Optional<CallRecord> findByIdInAnyTenant(UUID id);

    /** By id within the scope an actor acts in; an empty scope (a superadmin's) looks in any tenant. */
    default Optional<CallRecord> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    /** Newest first. */
    Page<CallRecord> find(CallQuery query, PageRequest page);

    /** Streams matching records newest first without holding them all in memory. */
    void stream(CallQuery query, Optional<Integer> limit, Consumer<CallRecord> sink);

    /** Counts by direction of the calls the query matches. */
    CallStats stats(CallQuery query);
}
