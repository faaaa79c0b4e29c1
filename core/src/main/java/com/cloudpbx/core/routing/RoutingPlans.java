package com.cloudpbx.core.routing;

import com.cloudpbx.core.blocklist.BlockDirection;
import com.cloudpbx.core.blocklist.BlockRules;
import com.cloudpbx.core.blocklist.BlockedNumber;
import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.calls.port.OutboundTrunks;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The routing plans of tenants, read from the stores once and kept, so routing a call to a known DID
 * asks no store and never waits for one. A change made through this node drops the tenant's plan at
 * once ({@link ConfigurationChanges}), so the next call routes with it; the caches carry the drop to
 * the other API nodes when they can (Redis). A plan in use is also
 * reloaded in the background every {@code refreshAfter} — how long a change made through another
 * API node takes to reach this one — while calls keep being routed with the plan in hand; a plan not
 * asked for leaves the cache after the cache's own lifetime.
 */
public final class RoutingPlans {

    private static final System.Logger LOG = System.getLogger(RoutingPlans.class.getName());

    private final Stores stores;
    private final BoundedCache<TenantId, Loaded> plans;
    private final BoundedCache<PhoneNumber, TenantId> owners;
    private final Duration refreshAfter;
    private final Clock clock;
    private final Executor background;
    private final Set<TenantId> refreshing = ConcurrentHashMap.newKeySet();

    /** Drops a tenant's plan whenever {@code changes} signals the tenant. */
    public RoutingPlans(Stores stores, BoundedCache<TenantId, Loaded> plans, BoundedCache<PhoneNumber, TenantId> owners,
                        ConfigurationChanges changes, Duration refreshAfter, Clock clock, Executor background) {
        this.stores = stores;
        this.plans = plans;
        this.owners = owners;
        this.refreshAfter = refreshAfter;
        this.clock = clock;
        this.background = background;
        changes.onChange(plans::invalidate);
    }

    /** The stores a plan is read from. */
    public record Stores(TenantRepository tenants, ExtensionRepository extensions, DidRepository didStore,
                         IvrMenuRepository menus, RingGroupRepository ringGroups, CallQueueRepository queues,
                         ScheduleRepository schedules, CallScreening screening, OutboundTrunks trunks) {
    }

    /** A tenant's plan (empty: the tenant is gone or suspended) and when it was read. */
    public record Loaded(Optional<RoutingPlan> plan, Instant at) {
    }

    /** The plan of an active tenant; empty for a tenant that is gone or suspended. */
    public Optional<RoutingPlan> plan(TenantId tenant) {
        Loaded loaded = plans.get(tenant, this::loadNow);
        if (!clock.instant().isBefore(loaded.at().plus(refreshAfter)) && refreshing.add(tenant)) {
            background.execute(() -> refresh(tenant, loaded));
        }
        return loaded.plan();
    }

    /**
     * The plan of the tenant that holds this DID. Which tenant holds a number is remembered, and
     * checked against that tenant's current plan, so a DID deleted or given up is noticed as soon
     * as its tenant's plan is; a number that is nobody's DID is looked up each time.
     */
    public Optional<RoutingPlan> planOf(PhoneNumber number) {
        Optional<TenantId> owner = owners.getIfPresent(number);
        Optional<RoutingPlan> known = owner.flatMap(this::plan)
                .filter(plan -> plan.dids().containsKey(number.e164()));
        if (known.isPresent()) {
            return known;
        }
        if (owner.isPresent()) {
            // Only a stale entry is dropped: an invalidation may be announced to every API node.
            owners.invalidate(number);
        }
        Optional<Did> did = stores.didStore().findByNumber(number);
        did.ifPresent(found -> owners.put(number, found.tenant()));
        return did.flatMap(found -> plan(found.tenant())).filter(plan -> plan.dids().containsKey(number.e164()));
    }

    /** Replaces the plan only if nothing dropped or replaced it meanwhile; a failed read keeps the old one. */
    private void refresh(TenantId tenant, Loaded stale) {
        try {
            plans.replace(tenant, stale, loadNow(tenant));
        } catch (RuntimeException storesUnavailable) {
            LOG.log(System.Logger.Level.WARNING, "Could not reload the routing plan of tenant " + tenant
                    + "; calls keep being routed with the plan read at " + stale.at(), storesUnavailable);
        } finally {
            refreshing.remove(tenant);
        }
    }

    private Loaded loadNow(TenantId id) {
        Instant at = clock.instant();
        return new Loaded(load(id), at);
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
                    TenantTrunks.outbound(id, stores.trunks().gatewayFor(id)),
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
