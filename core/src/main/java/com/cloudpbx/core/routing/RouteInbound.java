package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Routes calls that reach the platform from outside: a dialled DID through the tenant's routing
 * plan, and later the keys pressed in its menus. Media servers ask at call time (FreeSWITCH by
 * mod_xml_curl, the simulated switch directly); the answer comes from cached plans.
 */
public final class RouteInbound {

    private final RoutingPlans plans;
    private final InboundRouter router;
    private final Clock clock;

    public RouteInbound(RoutingPlans plans, InboundRouter router, Clock clock) {
        this.plans = plans;
        this.router = router;
        this.clock = clock;
    }

    /** A DID and the plan of its tenant: what routing a call to it needs. */
    public record RoutedDid(Did did, RoutingPlan plan) {
    }

    /** The DID a dialled number is, with its tenant's plan; empty when it is nobody's DID or its tenant is inactive. */
    public Optional<RoutedDid> find(String dialled) {
        return number(dialled).flatMap(number -> plans.planOf(number)
                .map(plan -> new RoutedDid(plan.dids().get(number.e164()), plan)));
    }

    /** What happens to a call from {@code caller} to the DID, now. */
    public RouteDecision decide(RoutedDid routed, String caller) {
        return router.route(routed.plan(), routed.did(), caller, clock.instant());
    }

    /** The route of a key pressed in one of the tenant's menus. */
    public RouteDecision menuKey(TenantId tenant, UUID menuId, String key, int hops) {
        return plans.plan(tenant).map(plan -> router.menuOption(plan, menuId, key, hops))
                .orElseGet(() -> new RouteDecision.Reject(tenant, RouteDecision.RejectReason.NOT_IN_SERVICE,
                        "the tenant is not active"));
    }

    /** Where one of the tenant's menus sends a caller who pressed nothing. */
    public RouteDecision menuTimeout(TenantId tenant, UUID menuId, int hops) {
        return plans.plan(tenant).map(plan -> router.menuTimeout(plan, menuId, hops))
                .orElseGet(() -> new RouteDecision.Reject(tenant, RouteDecision.RejectReason.NOT_IN_SERVICE,
                        "the tenant is not active"));
    }

    /** Carriers send DIDs with or without the plus; anything that is no phone number is no DID. */
    private static Optional<PhoneNumber> number(String dialled) {
        if (dialled == null || dialled.isBlank()) {
            return Optional.empty();
        }
        String text = dialled.strip();
        try {
            return Optional.of(PhoneNumber.parse(text.startsWith("+") ? text : "+" + text, "destination"));
        } catch (DomainException | IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }
}
