package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One tenant's routing configuration as the router reads it: every resource a call can be sent to,
 * loaded together so a routing decision is a pure function of this value, the DID, the caller and
 * the instant. Its DIDs are keyed by their E.164 number; calls to outside numbers leave through
 * {@code outboundGateway}. The screens are the tenant's blocklist, answering the rule that blocks a caller
 * (inbound) or a dialled number (outbound), described for the reason a rejected call carries.
 */
public record RoutingPlan(TenantId tenant, String sipDomain, Map<String, Extension> extensions,
                          Map<UUID, IvrMenu> menus, Map<UUID, RingGroup> ringGroups, Map<UUID, CallQueue> queues,
                          Map<UUID, BusinessSchedule> schedules, Map<String, Did> dids, String outboundGateway,
                          Function<String, Optional<String>> inboundScreen,
                          Function<PhoneNumber, Optional<String>> outboundScreen) {

    public RoutingPlan {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sipDomain, "sipDomain");
        extensions = Map.copyOf(extensions);
        menus = Map.copyOf(menus);
        ringGroups = Map.copyOf(ringGroups);
        queues = Map.copyOf(queues);
        schedules = Map.copyOf(schedules);
        dids = Map.copyOf(dids);
        Objects.requireNonNull(outboundGateway, "outboundGateway");
        Objects.requireNonNull(inboundScreen, "inboundScreen");
        Objects.requireNonNull(outboundScreen, "outboundScreen");
    }

    /** The extension with this number, when it can take calls. */
    Optional<Extension> reachable(String number) {
        return Optional.ofNullable(extensions.get(number)).filter(Extension::isActive);
    }
}
