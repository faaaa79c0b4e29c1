package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.shared.TenantId;

/** Park slots are numbered per tenant: slot 701 of one tenant is not another's. */
record ParkSlot(TenantId tenant, String slot) {
}
