package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.CallQueue;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: stores call queues with their agents. An agent is one of the tenant's extensions, stored
 * by reference (deleting the extension drops it from every queue) and named by its number; the
 * caller has checked that every agent's number is an extension of the queue's tenant.
 */
public interface CallQueueRepository {

    /** Stores the queue and its agents; a name the tenant already uses is a 400 DUPLICATE. */
    void insert(CallQueue queue);

    /** Rewrites the queue's fields and replaces its agents as given, statuses included; false when it is gone. */
    boolean update(CallQueue queue);

    void delete(TenantId tenant, UUID id);

    Optional<CallQueue> findById(TenantId tenant, UUID id);

    Optional<CallQueue> findByIdInAnyTenant(UUID id);

    default Optional<CallQueue> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    /** The queue, locked until the surrounding transaction ends; within the tenant when one is given. */
    Optional<CallQueue> lockInScope(Optional<TenantId> scope, UUID id);

    Optional<CallQueue> findByName(TenantId tenant, String name);

    /** Ordered by tenant then name; an empty tenant lists every tenant's queues. */
    List<CallQueue> list(Optional<TenantId> tenant);

    /** Sets one agent's status; false when the extension is no agent of that queue. */
    boolean setAgentStatus(TenantId tenant, UUID queueId, String extension, AgentStatus status);

    /** The tenant's queues whose timeout route sends calls to {@code kind}/{@code target}. */
    List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target);
}
