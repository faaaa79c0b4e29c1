package com.cloudpbx.core.presence;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ManualPresence;
import com.cloudpbx.core.shared.TenantId;
import java.util.Objects;

/**
 * What an extension's presence is derived from besides its calls and its phone: its number,
 * whether it is enabled, do-not-disturb and the presence set by hand. Read on its own, for a
 * whole tenant at once, so that presence need not load every other field of thousands of extensions.
 */
public record PresenceSubject(TenantId tenant, String number, boolean active, boolean doNotDisturb,
                              ManualPresence presence) {

    public PresenceSubject {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(presence, "presence");
    }

    public static PresenceSubject of(Extension extension) {
        return new PresenceSubject(extension.tenant(), extension.number().value(), extension.isActive(),
                extension.doNotDisturb(), extension.presence());
    }
}
