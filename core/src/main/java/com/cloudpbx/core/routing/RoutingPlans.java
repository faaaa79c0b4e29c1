package com.cloudpbx.core.routing;

import com.cloudpbx.core.blocklist.BlockDirection;
import com.cloudpbx.core.blocklist.BlockRules;
import com.cloudpbx.core.blocklist.BlockedNumber;
import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.routing.port.DidRepository;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.BoundedCache;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The routing plans of tenants and the DIDs by number, read from the stores once and kept until a
 * change of the tenant's routing (or of the DID) drops them, so routing a call asks no store. The
 * use cases that change what a plan holds call {@link #tenantChanged} / {@link #didChanged} after
 * their transaction; entries also expire after the cache's lifetime, which bounds how long another
 * API node's change takes to reach this node.
 */
public final class RoutingPlans {

    private final Stores stores;
    private final BoundedCache<TenantId, Optional<RoutingPlan>> plans;
    private final BoundedCache<PhoneNumber, Optional<Did>> dids;

    public RoutingPlans(Stores stores, BoundedCache<TenantId, Optional<RoutingPlan>> plans,
                        BoundedCache<PhoneNumber, Optional<Did>> dids) {
        this.stores = stores;
        this.plans = plans;
        this.dids = dids;
    }

    /** The stores a plan is read from. */
    public record Stores(TenantRepository tenants, ExtensionRepository extensions, DidRepository didStore,
                         IvrMenuRepository menus, RingGroupRepository ringGroups, CallQueueRepository queues,
                         ScheduleRepository schedules, CallScreening screening) {
    }

    /** The plan of an active tenant; empty for a tenant that is gone or suspended. */
    public Optional<RoutingPlan> plan(TenantId tenant) {
        return plans.get(tenant, this::load);
    }

    /** The DID with this number, whichever tenant holds it. */
    public Optional<Did> did(PhoneNumber number) {
        return dids.get(number, stores.didStore()::findByNumber);
    }

    public void tenantChanged(TenantId tenant) {
        plans.invalidate(tenant);
    }

    public void didChanged(PhoneNumber number) {
        dids.invalidate(number);
    }

    private Optional<RoutingPlan> load(TenantId id) {
        return stores.tenants().findById(id).filter(Tenant::isActive).map(tenant -> {
            Optional<TenantId> scope = Optional.of(id);
            List<BlockedNumber> rules = stores.screening().rules(id);
            return new RoutingPlan(id, tenant.sipDomain(),
                    byKey(stores.extensions().list(scope), extension -> extension.number().value()),
                    byKey(stores.menus().list(scope), IvrMenu::id),
                    byKey(stores.ringGroups().list(scope), RingGroup::id),
                    byKey(stores.queues().list(scope), CallQueue::id),
                    byKey(stores.schedules().list(id), BusinessSchedule::id),
                    caller -> CallScreening.screenInbound(rules, caller).map(RoutingPlans::describe),
                    number -> BlockRules.match(rules, BlockDirection.OUTBOUND, number.e164())
                            .map(RoutingPlans::describe));
        });
    }

    private static String describe(BlockedNumber rule) {
        String reason = rule.reason() == null || rule.reason().isBlank() ? "" : " (" + rule.reason() + ")";
        return "blocked by " + rule.pattern().wire() + reason;
    }

    private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity(), (first, second) -> first));
    }
}
