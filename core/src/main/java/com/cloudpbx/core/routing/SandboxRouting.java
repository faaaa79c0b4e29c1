package com.cloudpbx.core.routing;

import com.cloudpbx.core.calls.Sandbox;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.routing.port.RoutedCallSimulator;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The sandbox's inbound calls: to an extension (it rings), or to one of the tenant's DIDs, which
 * then takes the whole route a real call would — blocklist, schedule, groups, menus, queues — on
 * the simulated switch, with a trail of the steps it took.
 */
public final class SandboxRouting {

    private static final String ANONYMOUS = "anonymous";

    private final Sandbox sandbox;
    private final RoutedCallSimulator simulator;
    private final RouteInbound routing;

    public SandboxRouting(Sandbox sandbox, RoutedCallSimulator simulator, RouteInbound routing) {
        this.sandbox = sandbox;
        this.simulator = simulator;
        this.routing = routing;
    }

    /** {@code from} is an E.164 number, or {@code anonymous} for a caller who withholds it. */
    public UUID inbound(Actor actor, String from, String to) {
        if (to != null && ExtensionNumber.isValid(to.strip())) {
            return sandbox.inbound(actor, from, to);
        }
        Sandbox.requireAdmin(actor);
        TenantId tenant = actor.requireTenant();
        String caller = caller(from);
        PhoneNumber number = PhoneNumber.parse(to, "to");
        RouteInbound.RoutedDid routed = routing.find(number.e164())
                .filter(found -> found.did().tenant().equals(tenant))
                .orElseThrow(() -> DomainException.invalid("to",
                        "must be an extension or a DID of this tenant; " + number + " is neither"));
        MenuFollowUps followUps = new MenuFollowUps(
                (menu, key) -> routing.menuKey(tenant, menu.menuId(), key, menu.hops()),
                menu -> routing.menuTimeout(tenant, menu.menuId(), menu.hops()));
        return simulator.inbound(tenant, caller, number.e164(), routing.decide(routed, caller), followUps);
    }

    /** The steps a sandbox call to a DID took; 404 for any other call. */
    public List<RouteStep> trail(Actor actor, UUID uuid) {
        Sandbox.requireAdmin(actor);
        return simulator.trail(actor.requireTenant(), uuid)
                .orElseThrow(() -> DomainException.notFound("Routed sandbox call " + uuid));
    }

    private static String caller(String from) {
        if (from != null && from.strip().toLowerCase(Locale.ROOT).equals(ANONYMOUS)) {
            return ANONYMOUS;
        }
        return PhoneNumber.parse(from, "from").e164();
    }
}
