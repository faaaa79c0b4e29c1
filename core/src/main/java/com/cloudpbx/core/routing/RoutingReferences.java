package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.routing.port.DidRepository;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who sends calls to a resource: every DID, schedule, ring group, IVR menu and queue of the tenant
 * whose route names it. A resource something still points at cannot be deleted, so no route ever
 * leads nowhere; the refusal names what points at it.
 */
public final class RoutingReferences {

    private final DidRepository dids;
    private final ScheduleRepository schedules;
    private final RingGroupRepository ringGroups;
    private final IvrMenuRepository menus;
    private final CallQueueRepository queues;

    public RoutingReferences(DidRepository dids, ScheduleRepository schedules, RingGroupRepository ringGroups,
                             IvrMenuRepository menus, CallQueueRepository queues) {
        this.dids = dids;
        this.schedules = schedules;
        this.ringGroups = ringGroups;
        this.menus = menus;
        this.queues = queues;
    }

    public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) {
        return Stream.of(dids.pointingAt(tenant, kind, target), schedules.pointingAt(tenant, kind, target),
                        ringGroups.pointingAt(tenant, kind, target), menus.pointingAt(tenant, kind, target),
                        queues.pointingAt(tenant, kind, target))
                .flatMap(List::stream)
                .toList();
    }

    /**
     * Refuses to delete {@code what} (e.g. "Ring group 'Sales'") while a route sends calls to it, as
     * 400 {@code IN_USE} naming every referrer; a resource that points at itself does not count.
     */
    public void requireUnused(TenantId tenant, RouteAction kind, String target, String what) {
        List<Referrer> referrers = pointingAt(tenant, kind, target).stream()
                .filter(referrer -> !referrer.id().toString().equals(target))
                .toList();
        if (!referrers.isEmpty()) {
            throw DomainException.badRequest("IN_USE", what + " is still used by "
                    + referrers.stream().map(Referrer::describe).collect(Collectors.joining(", "))
                    + "; change those routes first");
        }
    }
}
