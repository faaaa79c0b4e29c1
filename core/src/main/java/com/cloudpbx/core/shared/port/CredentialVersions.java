package com.cloudpbx.core.shared.port;

import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.TenantId;
import java.util.UUID;

/**
 * Port: how many times the login tokens of each extension and each tenant were invalidated.
 * A token carries the versions it was issued under ({@link Principal#credentialVersion()});
 * advancing one, inside the transaction of the change that calls for it (a new password, a
 * disabled extension, a suspended tenant), refuses every token issued before.
 */
public interface CredentialVersions {

    /** 0 for an extension that was never invalidated, or that does not exist. */
    long ofExtension(UUID extensionId);

    /** 0 for a tenant that was never invalidated, or that does not exist. */
    long ofTenant(TenantId tenant);

    void advanceExtension(UUID extensionId);

    void advanceTenant(TenantId tenant);
}
