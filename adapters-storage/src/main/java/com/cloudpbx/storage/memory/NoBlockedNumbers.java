package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.port.OutboundBlocklist;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import jakarta.inject.Singleton;

/**
 * The outbound blocklist while tenants cannot keep one yet: no number is blocked. A stored
 * blocklist replaces this class when the blocklist resource arrives.
 */
@Singleton
public class NoBlockedNumbers implements OutboundBlocklist {

    @Override
    public boolean blocks(TenantId tenant, PhoneNumber number) {
        return false;
    }
}
