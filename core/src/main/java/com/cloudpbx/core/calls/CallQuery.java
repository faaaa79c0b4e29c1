package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * Filters of the call history. {@code number} matches caller or destination numbers and names,
 * partially and ignoring case; {@code extension} matches the caller or the destination;
 * {@code forwarded} keeps only forwarded (true) or only not forwarded (false) calls.
 */
public record CallQuery(Optional<TenantId> tenant, Optional<CallDirection> direction, Optional<CallStatus> status,
                        Optional<Instant> from, Optional<Instant> toExclusive, Optional<String> extension,
                        Optional<String> number, Optional<Boolean> forwarded, Optional<String> forwardedTo) {

    public static CallQuery forTenant(Optional<TenantId> tenant) {
        return new CallQuery(tenant, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
