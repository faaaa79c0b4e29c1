package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.MenuFollowUps;
import com.cloudpbx.core.routing.RouteDecision;
import com.cloudpbx.core.routing.RouteStep;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: a simulated switch that carries out routing decisions, so a tenant can try its whole call
 * flow — schedule, groups, menus, queues, voicemail — from the sandbox, without a phone.
 */
public interface RoutedCallSimulator {

    /**
     * A call from {@code from} to the tenant's DID {@code did}, carried out as decided; returns the
     * caller's leg, which is also the call's uuid. Menu keys arrive as DTMF on that leg.
     */
    UUID inbound(TenantId tenant, String from, String did, RouteDecision decision, MenuFollowUps followUps);

    /** The steps the tenant's routed call has taken so far; empty for a call that is not one (or another tenant's). */
    Optional<List<RouteStep>> trail(TenantId tenant, UUID callUuid);
}
