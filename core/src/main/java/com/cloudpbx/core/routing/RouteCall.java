package com.cloudpbx.core.routing;

import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.calls.ParkSlots;
import com.cloudpbx.core.calls.port.LiveCallStore;
import com.cloudpbx.core.calls.port.OutboundTrunks;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.Optional;

/**
 * Decides, at call time, where a call dialled in a tenant's context goes: a park slot holding a
 * call, an active extension, or an outside number the tenant does not block. DIDs, IVRs, groups,
 * queues and schedules plug in here with the routing resources.
 *
 * <p>The context is the tenant's SIP domain: the media server puts a phone there only after it
 * authenticated against the directory, so the context, not the caller id a phone sends, says
 * which tenant is calling. The caller is optional because legs the API moves into the context
 * (transfers, outside parties) have no extension of their own.
 */
public final class RouteCall {

    private final SipDomainTenants tenants;
    private final ExtensionRepository extensions;
    private final LiveCallStore live;
    private final ParkSlots parkSlots;
    private final CallScreening blocklist;
    private final OutboundTrunks trunks;

    public RouteCall(TenantRepository tenants, ExtensionRepository extensions, LiveCallStore live, ParkSlots parkSlots,
                     CallScreening blocklist,
                     OutboundTrunks trunks) {
        this.trunks = trunks;
        this.tenants = new SipDomainTenants(tenants);
        this.extensions = extensions;
        this.live = live;
        this.parkSlots = parkSlots;
        this.blocklist = blocklist;
    }

    public RouteDecision route(String sipDomain, Optional<String> callerExtension, String dialled) {
        Optional<Tenant> tenant = tenants.active(sipDomain);
        if (tenant.isEmpty() || dialled == null || dialled.isBlank()
                || callerExtension.filter(caller -> !isActiveExtension(tenant.get(), caller)).isPresent()) {
            return new RouteDecision.NotFound();
        }
        return route(tenant.get(), dialled.strip());
    }

    private RouteDecision route(Tenant tenant, String dialled) {
        if (ExtensionNumber.isValid(dialled)) {
            if (parkSlots.contains(dialled) && live.parkedIn(tenant.id(), dialled).isPresent()) {
                return new RouteDecision.PickUpParked(tenant.id(), dialled);
            }
            return isActiveExtension(tenant, dialled)
                    ? new RouteDecision.BridgeToExtension(tenant.id(), dialled, tenant.sipDomain())
                    : new RouteDecision.NotFound();
        }
        return outsideNumber(dialled)
                .filter(number -> blocklist.outboundBlock(tenant.id(), number).isEmpty())
                .<RouteDecision>map(number -> new RouteDecision.Outbound(tenant.id(), number.e164(),
                        TenantTrunks.outbound(tenant.id(), trunks.gatewayFor(tenant.id()))))
                .orElseGet(RouteDecision.NotFound::new);
    }

    private boolean isActiveExtension(Tenant tenant, String number) {
        return ExtensionNumber.isValid(number)
                && extensions.findByNumber(tenant.id(), new ExtensionNumber(number)).filter(Extension::isActive)
                        .isPresent();
    }

    private static Optional<PhoneNumber> outsideNumber(String dialled) {
        try {
            return Optional.of(PhoneNumber.parse(dialled, "destination"));
        } catch (DomainException | IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }
}
