package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.routing.port.DidRepository;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stores of a tenant that has no DIDs, schedules, IVR menus or queues, for use-case tests that
 * never create one: every read finds nothing, every write is refused as a test mistake.
 */
final class EmptyRoutingStores {

    private EmptyRoutingStores() {
    }

    static RouteTargets targets(com.cloudpbx.core.extensions.port.ExtensionRepository extensions,
                                com.cloudpbx.core.routing.port.RingGroupRepository groups) {
        return new RouteTargets(extensions, new NoMenus(), new NoQueues(), groups);
    }

    static RoutingReferences references(com.cloudpbx.core.routing.port.RingGroupRepository groups) {
        return new RoutingReferences(new NoDids(), new NoSchedules(), groups, new NoMenus(), new NoQueues());
    }

    private static UnsupportedOperationException write() {
        return new UnsupportedOperationException("this test's tenant has no such resources");
    }

    static final class NoDids implements DidRepository {
        public void insert(Did did) { throw write(); }
        public boolean update(Did did) { throw write(); }
        public void delete(TenantId tenant, UUID id) { throw write(); }
        public Optional<Did> findById(TenantId tenant, UUID id) { return Optional.empty(); }
        public Optional<Did> findByIdInAnyTenant(UUID id) { return Optional.empty(); }
        public Optional<Did> lockInScope(Optional<TenantId> scope, UUID id) { return Optional.empty(); }
        public Optional<Did> findByNumber(PhoneNumber number) { return Optional.empty(); }
        public List<Did> list(TenantId tenant) { return List.of(); }
        public List<Did> listInAnyTenant() { return List.of(); }
        public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) { return List.of(); }
        public List<Referrer> followingSchedule(TenantId tenant, UUID scheduleId) { return List.of(); }
    }

    static final class NoSchedules implements ScheduleRepository {
        public void insert(BusinessSchedule schedule) { throw write(); }
        public boolean update(BusinessSchedule schedule) { throw write(); }
        public void delete(TenantId tenant, UUID id) { throw write(); }
        public Optional<BusinessSchedule> findById(TenantId tenant, UUID id) { return Optional.empty(); }
        public Optional<BusinessSchedule> findByIdInAnyTenant(UUID id) { return Optional.empty(); }
        public Optional<BusinessSchedule> lockInScope(Optional<TenantId> scope, UUID id) { return Optional.empty(); }
        public Optional<BusinessSchedule> findByName(TenantId tenant, String name) { return Optional.empty(); }
        public List<BusinessSchedule> list(TenantId tenant) { return List.of(); }
        public List<BusinessSchedule> listInAnyTenant() { return List.of(); }
        public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) { return List.of(); }
    }

    static final class NoMenus implements IvrMenuRepository {
        public void insert(IvrMenu menu) { throw write(); }
        public boolean update(IvrMenu menu) { throw write(); }
        public void delete(TenantId tenant, UUID id) { throw write(); }
        public Optional<IvrMenu> findById(TenantId tenant, UUID id) { return Optional.empty(); }
        public Optional<IvrMenu> findByIdInAnyTenant(UUID id) { return Optional.empty(); }
        public Optional<IvrMenu> lockInScope(Optional<TenantId> scope, UUID id) { return Optional.empty(); }
        public Optional<IvrMenu> findByName(TenantId tenant, String name) { return Optional.empty(); }
        public List<IvrMenu> list(Optional<TenantId> tenant) { return List.of(); }
        public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) { return List.of(); }
    }

    static final class NoQueues implements CallQueueRepository {
        public void insert(CallQueue queue) { throw write(); }
        public boolean update(CallQueue queue) { throw write(); }
        public void delete(TenantId tenant, UUID id) { throw write(); }
        public Optional<CallQueue> findById(TenantId tenant, UUID id) { return Optional.empty(); }
        public Optional<CallQueue> findByIdInAnyTenant(UUID id) { return Optional.empty(); }
        public Optional<CallQueue> lockInScope(Optional<TenantId> scope, UUID id) { return Optional.empty(); }
        public Optional<CallQueue> findByName(TenantId tenant, String name) { return Optional.empty(); }
        public List<CallQueue> list(Optional<TenantId> tenant) { return List.of(); }
        public boolean setAgentStatus(TenantId tenant, UUID queueId, String extension, AgentStatus status) {
            throw write();
        }
        public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) { return List.of(); }
    }
}
