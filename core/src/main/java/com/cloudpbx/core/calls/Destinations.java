package com.cloudpbx.core.calls;

import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.calls.port.OutboundTrunks;
import com.cloudpbx.core.calls.port.ParkSlots;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.tenants.Tenant;

/**
 * Reads where a call should go: an extension of the tenant (2-8 digits), a park slot to pick a
 * call up from, or an E.164 number the tenant does not block outbound (else {@code NUMBER_BLOCKED}).
 */
public final class Destinations {

    private final CallAccess access;
    private final ParkSlots parkSlots;
    private final ParkSlotRange slotRange;
    private final CallScreening blocklist;
    private final OutboundTrunks trunks;

    public Destinations(CallAccess access, ParkSlots parkSlots, ParkSlotRange slotRange, CallScreening blocklist,
                        OutboundTrunks trunks) {
        this.access = access;
        this.parkSlots = parkSlots;
        this.slotRange = slotRange;
        this.blocklist = blocklist;
        this.trunks = trunks;
    }

    public Destination resolve(Tenant tenant, String target, String field) {
        if (target == null || target.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        String value = target.strip();
        if (ExtensionNumber.isValid(value)) {
            if (slotRange.contains(value) && parkSlots.parkedIn(tenant.id(), value).isPresent()) {
                return Destination.extension(value, tenant.sipDomain());
            }
            access.activeExtension(tenant.id(), value, field);
            return Destination.extension(value, tenant.sipDomain());
        }
        PhoneNumber number = PhoneNumber.parse(value, field);
        blocklist.requireOutboundAllowed(tenant.id(), number);
        return Destination.number(number.e164(), tenant.sipDomain(), trunks.gatewayFor(tenant.id()).orElse(null));
    }
}
