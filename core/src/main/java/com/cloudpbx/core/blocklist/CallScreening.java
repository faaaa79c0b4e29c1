package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.blocklist.port.BlocklistRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Screens calls against a tenant's blocklist: outbound calls the API places or moves (originate,
 * transfers, a third party) and, for the routing engine, inbound callers.
 */
public final class CallScreening {

    private final BlocklistRepository entries;

    public CallScreening(BlocklistRepository entries) {
        this.entries = entries;
    }

    /** The tenant's rules, to screen several numbers of one call with {@link #screenInbound}. */
    public List<BlockedNumber> rules(TenantId tenant) {
        return entries.list(tenant);
    }

    /** The entry that keeps {@code caller} from calling in, from rules already loaded. */
    public static Optional<BlockedNumber> screenInbound(List<BlockedNumber> rules, String caller) {
        return BlockRules.match(rules, BlockDirection.INBOUND, caller);
    }

    /** The entry that keeps the tenant from calling {@code number}, if any. */
    public Optional<BlockedNumber> outboundBlock(TenantId tenant, PhoneNumber number) {
        return BlockRules.match(rules(tenant), BlockDirection.OUTBOUND, number.e164());
    }

    /** Refuses, with {@code NUMBER_BLOCKED} naming the number, a call the tenant blocks. */
    public void requireOutboundAllowed(TenantId tenant, PhoneNumber number) {
        if (outboundBlock(tenant, number).isPresent()) {
            throw DomainException.badRequest("NUMBER_BLOCKED", "Calls to " + number + " are blocked for this tenant");
        }
    }
}
