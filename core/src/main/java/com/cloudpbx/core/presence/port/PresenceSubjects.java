package com.cloudpbx.core.presence.port;

import com.cloudpbx.core.presence.PresenceSubject;
import com.cloudpbx.core.shared.TenantId;
import java.util.List;

/** Port: the presence subjects of all of a tenant's extensions, in one read. */
public interface PresenceSubjects {

    /** Every extension of the tenant, in number order. */
    List<PresenceSubject> ofTenant(TenantId tenant);
}
