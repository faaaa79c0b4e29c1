package com.cloudpbx.core.routing;

/** A DID as a client asks for it: text as sent, checked and normalised by {@link DidProvisioning}. */
public record NewDid(String number, String inboundRoute, String routeTarget, String scheduleId,
                     Boolean emergencyCallerId, String status) {
}
