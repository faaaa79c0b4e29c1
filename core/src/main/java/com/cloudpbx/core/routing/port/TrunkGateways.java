package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.GatewayStatus;
import com.cloudpbx.core.routing.SipTrunk;

/**
 * Port: the media server's side of SIP trunks, where each trunk is a gateway named
 * {@link SipTrunk#gatewayName()}. Every method throws a {@code DomainException} of kind
 * {@code UNAVAILABLE} when no media server can be asked.
 */
public interface TrunkGateways {

    /** The gateway's state now; {@link GatewayStatus#notLoaded()} for one the media server does not have. */
    GatewayStatus status(String gatewayName);

    /**
     * Makes the media server (re)load the trunk's gateway from its configuration, dropping the one
     * it has first so that changed settings apply: afterwards an active trunk's gateway is loaded,
     * an inactive trunk's is not.
     */
    void sync(SipTrunk trunk);

    /** Drops the gateway, if the media server has it. */
    void remove(String gatewayName);
}
