package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.shared.TenantId;
import java.util.Optional;

/**
 * Port: which trunk a tenant's calls to outside numbers leave through, as the media server's
 * gateway name: the tenant's own active trunk, else an active global one (the first by name in
 * either case); empty when there is none.
 */
public interface OutboundTrunks {

    Optional<String> gatewayFor(TenantId tenant);
}
