package com.cloudpbx.http.ws;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.shared.TenantId;

/**
 * Which call events one client may see: those of its tenant ({@code tenant} null: a superadmin
 * watching every tenant) and, for a user principal, only the legs its own extension takes part
 * in, as the callee, the caller or the dialled destination; of the tenant's other events, a user
 * principal sees those about its own extension only.
 */
public record EventAudience(TenantId tenant, String ownExtension) {

    public boolean sees(LiveChannel channel) {
        if (tenant != null && !tenant.equals(channel.tenant())) {
            return false;
        }
        if (ownExtension == null) {
            return true;
        }
        return ownExtension.equals(channel.extension()) || ownExtension.equals(channel.callerIdNumber())
                || ownExtension.equals(channel.destination());
    }

    public boolean sees(TenantEvent event) {
        if (tenant != null && !tenant.equals(event.tenant())) {
            return false;
        }
        return ownExtension == null || ownExtension.equals(event.extension());
    }
}
