package com.cloudpbx.core.calls.port;

import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;

/** Port: whether the tenant blocks calls to a number (the blocklist resource plugs in here). */
public interface OutboundBlocklist {

    boolean blocks(TenantId tenant, PhoneNumber number);
}
