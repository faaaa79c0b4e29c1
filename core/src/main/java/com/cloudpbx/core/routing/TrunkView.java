package com.cloudpbx.core.routing;

import com.cloudpbx.core.tenants.Tenant;

/**
 * A trunk as answered: its tenant (null for a global trunk) and its gateway's status, null when
 * the media server could not be asked.
 */
public record TrunkView(SipTrunk trunk, Tenant tenant, GatewayStatus gatewayStatus) {
}
