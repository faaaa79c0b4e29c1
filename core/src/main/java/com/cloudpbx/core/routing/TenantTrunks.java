package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;

/**
 * The names a tenant's call resources have on the media server, shared by the dialplan the
 * server hands out and the commands it sends: its trunk gateway and its valet parking lot.
 */
public final class TenantTrunks {

    private TenantTrunks() {
    }

    /**
     * The SIP gateway that is the tenant's trunk when no trunk is managed through the API: the name
     * an operator gives the tenant's gateway in the media server's own configuration.
     */
    public static String gateway(TenantId tenant) {
        return "tenant-" + tenant.value();
    }

    /** The gateway of a trunk managed through the API. */
    public static String trunkGateway(java.util.UUID trunk) {
        return "trunk-" + trunk;
    }

    /** The gateway a tenant's outside calls leave through: its chosen trunk's, else its own default. */
    public static String outbound(TenantId tenant, java.util.Optional<String> chosen) {
        return chosen.orElseGet(() -> gateway(tenant));
    }

    /** The parking lot the tenant's park slots live in. */
    public static String parkingLot(TenantId tenant) {
        return "park-" + tenant.value().toString().replace("-", "");
    }
}
