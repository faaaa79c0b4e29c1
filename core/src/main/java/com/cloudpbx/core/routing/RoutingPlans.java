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
import com.cloudpbx.core.shared.ConfigurationChanges;
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
 * The routing plans of tenants, read from the stores once and kept until a change of the tenant
 * drops them ({@link ConfigurationChanges}), so routing a call to a known DID asks no store. Entries also
 * expire after the cache's lifetime, which bounds how long a change made through another API node
 * takes to reach this one.
 */
public final class RoutingPlans {

    private final Stores stores;
    private final BoundedCache<TenantId, Optional<RoutingPlan>> plans;
    private final BoundedCache<PhoneNumber, TenantId> owners;

    /** Drops a tenant's plan whenever {@code changes} signals the tenant. */
    public RoutingPlans(Stores stores, BoundedCache<TenantId, Optional<RoutingPlan>> plans,
                        BoundedCache<PhoneNumber, TenantId> owners, ConfigurationChanges changes) {
        this.stores = stores;
        this.plans = plans;
        this.owners = owners;
        changes.onChange(plans::invalidate);
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

    /**
     * The plan of the tenant that holds this DID. Which tenant holds a number is remembered, and
     * checked against that tenant's current plan, so a DID deleted or given up is noticed as soon
     * as its tenant's plan is; a number that is nobody's DID is looked up each time.
     */
    public Optional<RoutingPlan> planOf(PhoneNumber number) {
        Optional<RoutingPlan> known = owners.getIfPresent(number).flatMap(this::plan)
                .filter(plan -> plan.dids().containsKey(number.e164()));
        if (known.isPresent()) {
            return known;
        }
        owners.invalidate(number);
        Optional<Did> did = stores.didStore().findByNumber(number);
        did.ifPresent(found -> owners.put(number, found.tenant()));
        return did.flatMap(found -> plan(found.tenant())).filter(plan -> plan.dids().containsKey(number.e164()));
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
                    byKey(stores.didStore().list(id), did -> did.number().e164()),
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
