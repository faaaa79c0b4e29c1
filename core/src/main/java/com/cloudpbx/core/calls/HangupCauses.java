package com.cloudpbx.core.calls;

import java.util.Set;

/** Q.850 hangup causes (as FreeSWITCH names them) that mean the network failed the call. */
public final class HangupCauses {

    /**
     * Not a Q.850 cause: the media server lost the leg while it was out of reach (it restarted, or
     * the leg ended unseen during an outage), so the leg's real cause is unknown. A call that never
     * reached its party is counted as failed by it, since the system, not a person, ended it.
     */
    public static final String MEDIA_SERVER_RESTART = "MEDIA_SERVER_RESTART";

    private static final Set<String> FAILURES = Set.of("NORMAL_TEMPORARY_FAILURE", "SERVICE_UNAVAILABLE",
            "DESTINATION_OUT_OF_ORDER", "UNALLOCATED_NUMBER", "NO_ROUTE_DESTINATION", "NO_ROUTE_TRANSIT_NET",
            "NETWORK_OUT_OF_ORDER", "RECOVERY_ON_TIMER_EXPIRE", "SWITCH_CONGESTION", "NORMAL_CIRCUIT_CONGESTION",
            "INCOMPATIBLE_DESTINATION", "INVALID_NUMBER_FORMAT", "BEARERCAPABILITY_NOTAVAIL", "FACILITY_REJECTED",
            "GATEWAY_DOWN", "MEDIA_TIMEOUT", "CHAN_NOT_IMPLEMENTED", "SYSTEM_SHUTDOWN", "PROTOCOL_ERROR",
            "INTERWORKING", "MANDATORY_IE_MISSING", "EXCHANGE_ROUTING_ERROR", MEDIA_SERVER_RESTART);

    private HangupCauses() {
    }

    public static boolean isFailure(String cause) {
        return cause != null && FAILURES.contains(cause);
    }
}
