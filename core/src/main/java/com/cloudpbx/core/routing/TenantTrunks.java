package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;

/**
 * The names a tenant's call resources have on the media server, shared by the dialplan the
 * server hands out and the commands it sends: its trunk gateway and its valet parking lot.
 */
public final class TenantTrunks {

    private TenantTrunks() {
    }

    /** The SIP gateway that is the tenant's trunk. */
    public static String gateway(TenantId tenant) {
        return "tenant-" + tenant.value();
    }

    /** The parking lot the tenant's park slots live in. */
    public static String parkingLot(TenantId tenant) {
        return "park-" + tenant.value().toString().replace("-", "");
    }
}
