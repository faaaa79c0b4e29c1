package com.cloudpbx.core.routing;

import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.PagingBroadcast;
import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.core.calls.port.OutboundTrunks;
import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.routing.port.PagingGroupRepository;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides, at call time, where a call dialled in a tenant's context goes: a park slot holding a
 * call, an active extension, a paging group's code, or an outside number the tenant does not block. DIDs, IVRs, groups,
 * queues and schedules plug in here with the routing resources.
 *
 * <p>The context is the tenant's SIP domain: the media server puts a phone there only after it
 * authenticated against the directory, so the context, not the caller id a phone sends, says
 * which tenant is calling. The caller is optional because legs the API moves into the context
 * (transfers, outside parties) have no extension of their own.
 */
public final class RouteCall {

    private static final Pattern PAGING_CODE = Pattern.compile("^\\*\\d{1,6}$");

    private final SipDomainTenants tenants;
    private final ExtensionRepository extensions;
    private final ParkSlots parkSlots;
    private final ParkSlotRange slotRange;
    private final CallScreening blocklist;
    private final OutboundTrunks trunks;
    private final PagingGroupRepository pagingGroups;
    private final ConferenceRooms rooms;

    public RouteCall(TenantRepository tenants, ExtensionRepository extensions, ParkSlots parkSlots,
                     ParkSlotRange slotRange, CallScreening blocklist, OutboundTrunks trunks, PagingGroupRepository pagingGroups,
                     ConferenceRooms rooms) {
        this.trunks = trunks;
        this.pagingGroups = pagingGroups;
        this.rooms = rooms;
        this.tenants = new SipDomainTenants(tenants);
        this.extensions = extensions;
        this.parkSlots = parkSlots;
        this.slotRange = slotRange;
        this.blocklist = blocklist;
    }

    public RouteDecision route(String sipDomain, Optional<String> callerExtension, String dialled) {
        Optional<Tenant> tenant = tenants.active(sipDomain);
        if (tenant.isEmpty() || dialled == null || dialled.isBlank()
                || callerExtension.filter(caller -> !isActiveExtension(tenant.get(), caller)).isPresent()) {
            return new RouteDecision.NotFound();
        }
        if (PAGING_CODE.matcher(dialled.strip()).matches()) {
            return callerExtension.map(caller -> page(tenant.get(), caller, dialled.strip()))
                    .orElseGet(RouteDecision.NotFound::new);
        }
        return route(tenant.get(), dialled.strip());
    }

    /** A phone dialling a paging group's code pages the group's other members that can take calls. */
    private RouteDecision page(Tenant tenant, String caller, String code) {
        return pagingGroups.findByExtensionCode(tenant.id(), code).<RouteDecision>map(group -> {
            List<String> paged = group.members().stream()
                    .filter(member -> !member.equals(caller) && isActiveExtension(tenant, member))
                    .toList();
            String room = rooms.room(tenant.id(), PagingBroadcast.ROOM_PREFIX
                    + rooms.generateName().substring("conf-".length()));
            return paged.isEmpty() ? new RouteDecision.NotFound()
                    : new RouteDecision.Page(tenant.id(), tenant.sipDomain(), room, paged);
        }).orElseGet(RouteDecision.NotFound::new);
    }

    private RouteDecision route(Tenant tenant, String dialled) {
        if (ExtensionNumber.isValid(dialled)) {
            if (slotRange.contains(dialled) && parkSlots.parkedIn(tenant.id(), dialled).isPresent()) {
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
