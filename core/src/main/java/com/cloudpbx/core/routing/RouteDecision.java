package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import java.util.Objects;

/** Where the core sends a call that a media server asks about. */
public sealed interface RouteDecision {

    /** Ring an extension of the tenant on its SIP domain. */
    record BridgeToExtension(TenantId tenant, String extension, String sipDomain) implements RouteDecision {

        public BridgeToExtension {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(extension, "extension");
            Objects.requireNonNull(sipDomain, "sipDomain");
        }
    }

    /** Pick up the call waiting in the tenant's park slot. */
    record PickUpParked(TenantId tenant, String slot) implements RouteDecision {

        public PickUpParked {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(slot, "slot");
        }
    }

    /** Dial an outside number, in E.164, through the tenant's trunk. */
    record Outbound(TenantId tenant, String e164) implements RouteDecision {

        public Outbound {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(e164, "e164");
        }
    }

    /** Nothing to route to: the media server rejects the call. */
    record NotFound() implements RouteDecision {
    }
}
